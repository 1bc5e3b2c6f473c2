using System;

namespace Voucherify.Http
{
    /// <summary>
    /// Recognises a timeout that fired below the library's attempt handler and says which: the
    /// <see cref="System.Net.Http.HttpClient.Timeout"/> of a caller's <see cref="System.Net.Http.HttpClient"/> (reported by
    /// <see cref="HttpClientTransport"/>), or a Polly timeout strategy of a resilience handler in the transport's chain
    /// (<c>Polly.Timeout.TimeoutRejectedException</c>, known by name so the library does not depend on Polly). Messages
    /// then name the limit that fired, not the client's own attempt timeout.
    /// </summary>
    internal static class TimeoutBelow
    {
        private const string PollyTimeoutRejected = "Polly.Timeout.TimeoutRejectedException";

        /// <summary>The attempt's timeout as the limit that fired; null when the exception is no known timeout.</summary>
        public static AttemptTimedOutException? Recognise(Exception exception)
        {
            if (exception is AttemptTimedOutException named) return named;
            if (exception.GetType().FullName != PollyTimeoutRejected) return null;
            var timeout = exception.GetType().GetProperty("Timeout")?.GetValue(exception) as TimeSpan? ?? System.Threading.Timeout.InfiniteTimeSpan;
            var limit = timeout == System.Threading.Timeout.InfiniteTimeSpan
                ? "the timeout of a resilience handler below the client (Polly TimeoutRejectedException)"
                : $"the timeout of {VoucherifyTimeoutException.Seconds(timeout)} s of a resilience handler below the client (Polly TimeoutRejectedException)";
            return new AttemptTimedOutException(timeout, exception, limit);
        }
    }
}
