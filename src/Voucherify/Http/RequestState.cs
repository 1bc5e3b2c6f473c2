using System;
using System.Diagnostics;
using System.Net.Http;

namespace Voucherify.Http
{
    /// <summary>
    /// Per-request values the handlers share, kept on the request message (<c>Options</c> on .NET 5+, <c>Properties</c>
    /// before): which operation it is, how many attempts the retry handler has started, and when the call timeout runs
    /// out (so the retry handler does not start a wait that cannot end before it).
    /// </summary>
    internal static class RequestState
    {
        private const string OperationKey = "Voucherify.Operation";
        private const string AttemptsKey = "Voucherify.Attempts";
        private const string DeadlineKey = "Voucherify.Deadline";

        /// <summary>Attaches the generated descriptor of the operation the request belongs to.</summary>
        public static void SetOperation(HttpRequestMessage request, OperationDescriptor operation) => Set(request, OperationKey, operation);

        /// <summary>The operation the request belongs to; null for a request the generated clients did not build.</summary>
        public static OperationDescriptor? GetOperation(HttpRequestMessage request) => Get<OperationDescriptor>(request, OperationKey);

        public static void SetAttempts(HttpRequestMessage request, int attempts) => Set(request, AttemptsKey, new Box(attempts));

        public static int GetAttempts(HttpRequestMessage request) => (int)(Get<Box>(request, AttemptsKey)?.Value ?? 0);

        /// <summary>Records that the call must be over within <paramref name="timeout"/> from now.</summary>
        public static void SetDeadline(HttpRequestMessage request, TimeSpan timeout) =>
            Set(request, DeadlineKey, new Box(Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency)));

        /// <summary>The time left before the call timeout; null when the call has none.</summary>
        public static TimeSpan? Remaining(HttpRequestMessage request)
        {
            var deadline = Get<Box>(request, DeadlineKey);
            if (deadline is null) return null;
            var seconds = (double)(deadline.Value - Stopwatch.GetTimestamp()) / Stopwatch.Frequency;
            return seconds <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(seconds);
        }

#if NET5_0_OR_GREATER
        private static void Set<T>(HttpRequestMessage request, string key, T value) where T : class => request.Options.Set(new HttpRequestOptionsKey<T>(key), value);

        private static T? Get<T>(HttpRequestMessage request, string key) where T : class =>
            request.Options.TryGetValue(new HttpRequestOptionsKey<T>(key), out var value) ? value : null;
#else
        private static void Set<T>(HttpRequestMessage request, string key, T value) where T : class => request.Properties[key] = value;

        private static T? Get<T>(HttpRequestMessage request, string key) where T : class =>
            request.Properties.TryGetValue(key, out var value) ? value as T : null;
#endif

        /// <summary>A number as a reference type, so one pair of accessors serves every value.</summary>
        private sealed class Box
        {
            public Box(long value) => Value = value;

            public long Value { get; }
        }
    }
}
