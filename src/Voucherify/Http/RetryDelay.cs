using System;

namespace Voucherify.Http
{
    /// <summary>How long to wait before the next attempt.</summary>
    internal static class RetryDelay
    {
        /// <summary>
        /// Exponential backoff with jitter: the nominal delay doubles from <see cref="RetryOptions.BaseDelay"/> per retry up to
        /// <see cref="RetryOptions.MaxDelay"/>, and the actual delay is drawn between half and all of it.
        /// </summary>
        /// <param name="retry">1 for the wait after the first attempt, 2 after the second, …</param>
        /// <param name="options">The retry settings.</param>
        /// <param name="random">A number in [0, 1).</param>
        public static TimeSpan Backoff(int retry, RetryOptions options, double random)
        {
            // Doubling in floating point, then capping, cannot overflow however many retries are configured.
            var nominal = Math.Min(options.BaseDelay.Ticks * Math.Pow(2, Math.Max(0, retry - 1)), options.MaxDelay.Ticks);
            return TimeSpan.FromTicks((long)(nominal * (0.5 + 0.5 * random)));
        }

        /// <summary>
        /// The wait the server asked for: <c>Retry-After</c> on any retryable status, and on a 429 also
        /// <c>X-Rate-Limit-Retry</c> (which every response carries, so on other statuses it says nothing about this failure).
        /// </summary>
        public static TimeSpan? ServerRequested(int statusCode, RateLimitInfo? rateLimit)
        {
            if (rateLimit is null) return null;
            return statusCode == 429 ? rateLimit.RequestedWait() : rateLimit.RetryAfter;
        }
    }
}
