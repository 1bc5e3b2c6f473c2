using System;
using System.Diagnostics;
using System.Net.Http;

namespace Voucherify.Http
{
    /// <summary>
    /// Per-request values the handlers share: how many attempts the retry handler has started, and when the call
    /// timeout runs out (so the retry handler does not start a wait that cannot end before it).
    /// </summary>
    internal static class RequestState
    {
        private const string AttemptsKey = "Voucherify.Attempts";
        private const string DeadlineKey = "Voucherify.Deadline";

        public static void SetAttempts(HttpRequestMessage request, int attempts) => Set(request, AttemptsKey, attempts);

        public static int GetAttempts(HttpRequestMessage request) => (int)(Get(request, AttemptsKey) ?? 0);

        /// <summary>Records that the call must be over within <paramref name="timeout"/> from now.</summary>
        public static void SetDeadline(HttpRequestMessage request, TimeSpan timeout) =>
            Set(request, DeadlineKey, Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency));

        /// <summary>The time left before the call timeout; null when the call has none.</summary>
        public static TimeSpan? Remaining(HttpRequestMessage request)
        {
            var deadline = Get(request, DeadlineKey);
            if (deadline is null) return null;
            var seconds = (double)(deadline.Value - Stopwatch.GetTimestamp()) / Stopwatch.Frequency;
            return seconds <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(seconds);
        }

#if NET5_0_OR_GREATER
        private static void Set(HttpRequestMessage request, string key, long value) => request.Options.Set(new HttpRequestOptionsKey<long>(key), value);

        private static long? Get(HttpRequestMessage request, string key) =>
            request.Options.TryGetValue(new HttpRequestOptionsKey<long>(key), out var value) ? value : (long?)null;
#else
        private static void Set(HttpRequestMessage request, string key, long value) => request.Properties[key] = value;

        private static long? Get(HttpRequestMessage request, string key) =>
            request.Properties.TryGetValue(key, out var value) && value is long number ? number : (long?)null;
#endif
    }
}
