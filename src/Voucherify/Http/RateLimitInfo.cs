using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http.Headers;

namespace Voucherify
{
    /// <summary>
    /// The rate-limit state the API reported in a response's <c>X-Rate-Limit-*</c> and <c>Retry-After</c> headers.
    /// Read it from <see cref="VoucherifyClient.RateLimit"/> to pace your own calls, or from
    /// <see cref="VoucherifyApiException.RateLimit"/> after a 429.
    /// </summary>
    public sealed class RateLimitInfo
    {
        internal const string LimitHeader = "X-Rate-Limit-Limit";
        internal const string RemainingHeader = "X-Rate-Limit-Remaining";
        internal const string RetryHeader = "X-Rate-Limit-Retry";
        internal const string TypeHeader = "X-Rate-Limit-Type";
        internal const string RetryAfterHeader = "Retry-After";

        /// <summary>The limit type that means the billing cycle's quota is used up: waiting a few seconds does not help.</summary>
        internal const string BillingCycleType = "api_calls_cycle";

        private RateLimitInfo(DateTimeOffset observedAt)
        {
            ObservedAt = observedAt;
        }

        /// <summary>How many calls the current window allows (<c>X-Rate-Limit-Limit</c>).</summary>
        public long? Limit { get; private set; }

        /// <summary>How many calls are left in the current window (<c>X-Rate-Limit-Remaining</c>).</summary>
        public long? Remaining { get; private set; }

        /// <summary>When the next call is allowed (<c>X-Rate-Limit-Retry</c>, sent as Unix epoch seconds).</summary>
        public DateTimeOffset? RetryAt { get; private set; }

        /// <summary>The wait the server asked for in <c>Retry-After</c> (sent as seconds or as an HTTP date), measured from <see cref="ObservedAt"/>.</summary>
        public TimeSpan? RetryAfter { get; private set; }

        /// <summary>
        /// Which limit was hit (<c>X-Rate-Limit-Type</c>): <c>api_calls</c>, <c>bulk_api_calls</c>, <c>webhook_calls</c>, or
        /// <c>api_calls_cycle</c> when the billing cycle's quota is used up.
        /// </summary>
        public string? LimitType { get; private set; }

        /// <summary>When the response carrying these values was received.</summary>
        public DateTimeOffset ObservedAt { get; }

        /// <summary>Values set directly, for <see cref="VoucherifyModelFactory"/>.</summary>
        internal static RateLimitInfo Create(long? limit, long? remaining, DateTimeOffset? retryAt, TimeSpan? retryAfter, string? limitType, DateTimeOffset observedAt) =>
            new RateLimitInfo(observedAt) { Limit = limit, Remaining = remaining, RetryAt = retryAt, RetryAfter = retryAfter, LimitType = limitType };

        /// <summary>Describes the values.</summary>
        public override string ToString() =>
            $"RateLimitInfo {{ Limit = {Limit}, Remaining = {Remaining}, RetryAt = {RetryAt:O}, RetryAfter = {RetryAfter}, LimitType = {LimitType}, ObservedAt = {ObservedAt:O} }}";

        /// <summary>Reads a response's rate-limit headers; null when it carried none of them.</summary>
        /// <param name="headers">The response's headers.</param>
        /// <param name="now">The time the response was received.</param>
        internal static RateLimitInfo? FromResponse(HttpResponseHeaders headers, DateTimeOffset now)
        {
            // Most responses carry none: looking the five names up costs nothing, enumerating every header allocates.
            var present = headers.Contains(LimitHeader) || headers.Contains(RemainingHeader) || headers.Contains(RetryHeader)
                || headers.Contains(TypeHeader) || headers.Contains(RetryAfterHeader);
            return present ? FromHeaders(headers, now) : null;
        }

        /// <summary>Reads the rate-limit headers; null when the response carried none of them.</summary>
        /// <param name="headers">Response headers by name (any letter case).</param>
        /// <param name="now">The time the response was received.</param>
        internal static RateLimitInfo? FromHeaders(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers, DateTimeOffset now)
        {
            RateLimitInfo? info = null;
            foreach (var header in headers)
            {
                var value = header.Value?.FirstOrDefault()?.Trim();
                if (string.IsNullOrEmpty(value)) continue;
                var name = header.Key;
                if (Is(name, LimitHeader)) (info ??= new RateLimitInfo(now)).Limit = ReadNumber(value);
                else if (Is(name, RemainingHeader)) (info ??= new RateLimitInfo(now)).Remaining = ReadNumber(value);
                else if (Is(name, RetryHeader)) (info ??= new RateLimitInfo(now)).RetryAt = ReadEpochSeconds(value);
                else if (Is(name, TypeHeader)) (info ??= new RateLimitInfo(now)).LimitType = value;
                else if (Is(name, RetryAfterHeader)) (info ??= new RateLimitInfo(now)).RetryAfter = ReadRetryAfter(value!, now);
            }
            return info;
        }

        /// <summary>The wait the server asked for, from <c>Retry-After</c> or else <c>X-Rate-Limit-Retry</c>; never negative.</summary>
        internal TimeSpan? RequestedWait()
        {
            var wait = RetryAfter ?? (RetryAt - ObservedAt);
            return wait is TimeSpan span && span < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        private static bool Is(string name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);

        private static long? ReadNumber(string? value) =>
            long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : (long?)null;

        private static DateTimeOffset? ReadEpochSeconds(string? value)
        {
            // Beyond year 9999 DateTimeOffset cannot represent it; treat such a value as unreadable rather than throwing.
            var seconds = ReadNumber(value);
            return seconds is long s && s >= 0 && s <= 253402300799L ? DateTimeOffset.FromUnixTimeSeconds(s) : (DateTimeOffset?)null;
        }

        private static TimeSpan? ReadRetryAfter(string value, DateTimeOffset now)
        {
            if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
                return seconds < 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.MaxValue.TotalSeconds - 1));
            if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
                return date > now ? date - now : TimeSpan.Zero;
            return null;
        }
    }
}
