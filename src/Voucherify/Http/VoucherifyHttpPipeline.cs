using System;
using System.Net.Http;

namespace Voucherify.Http
{
    /// <summary>Builds the chain of handlers every request of a <see cref="VoucherifyClient"/> goes through.</summary>
    internal static class VoucherifyHttpPipeline
    {
        /// <summary>
        /// Outermost first: telemetry (around everything), retries and the call's deadline, then what runs once per attempt
        /// (its timeout, origin check and size-limited staging of the body; the authentication headers), then the
        /// transport that sends. A handler that must see every attempt goes after <see cref="RetryHandler"/>; one that
        /// must see the call once goes before it. Every handler costs each call an async state machine, so concerns of
        /// the same hop share one.
        /// </summary>
        public static HttpMessageHandler Create(VoucherifyClientOptions options, HttpMessageHandler transport, bool disposeTransport, RateLimitTracker rateLimits)
        {
            var handlers = new DelegatingHandler[]
            {
                new TelemetryHandler(), // tracing and metrics: one activity and one duration per call, timeouts and retries included
                new RetryHandler(options.Retry.Clone(), rateLimits, options.TimeProvider, options.CallTimeout),
                new AttemptHandler(options.AttemptTimeout, options.MaxResponseBytes, options.BaseUri, options.TimeProvider),
                new ApiHeadersHandler(options),
            };
            HttpMessageHandler inner = disposeTransport ? transport : new NonDisposingHandler(transport);
            for (var i = handlers.Length - 1; i >= 0; i--)
            {
                handlers[i].InnerHandler = inner;
                inner = handlers[i];
            }
            return inner;
        }
    }
}
