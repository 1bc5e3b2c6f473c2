using System;
using System.Net;
using System.Net.Http;

namespace Voucherify.Http
{
    /// <summary>Builds the chain of handlers every request of a <see cref="VoucherifyClient"/> goes through.</summary>
    internal static class VoucherifyHttpPipeline
    {
        /// <summary>Outermost first: headers, then the transport that sends.</summary>
        public static HttpMessageHandler Create(VoucherifyClientOptions options, HttpMessageHandler transport, bool disposeTransport)
        {
            var inner = disposeTransport ? transport : new NonDisposingHandler(transport);
            return new ApiHeadersHandler(options) { InnerHandler = inner };
        }

        /// <summary>The connection pool a client uses when the caller brings none.</summary>
        public static HttpMessageHandler CreateDefaultTransport()
        {
#if NET5_0_OR_GREATER
            return new SocketsHttpHandler
            {
                // Recycle connections so DNS changes (region failover) are picked up.
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
            };
#else
            return new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate };
#endif
        }
    }
}
