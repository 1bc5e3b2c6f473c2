using System;
using System.Net;
using System.Net.Http;

namespace Voucherify.Http
{
    /// <summary>The handler that sends the requests when the caller brings none (also the DI package's primary handler).</summary>
    internal static class DefaultTransport
    {
        public static HttpMessageHandler Create()
        {
#if NET5_0_OR_GREATER
            return new SocketsHttpHandler
            {
                // Recycle connections so DNS changes (region failover) are picked up.
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
                // A redirect would carry X-App-Id and X-App-Token to wherever it points (.NET strips only Authorization);
                // a 3xx is reported as a VoucherifyApiException instead.
                AllowAutoRedirect = false,
            };
#else
            return new HttpClientHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                AllowAutoRedirect = false, // see above
            };
#endif
        }
    }
}
