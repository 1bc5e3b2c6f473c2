using System;
using System.Net.Http;

namespace Voucherify.Http
{
    /// <summary>
    /// Per-request values the handlers share, kept on the request message (<c>Options</c> on .NET 5+, <c>Properties</c>
    /// before): which operation it is, how many attempts the retry handler has started, and when the call timeout runs
    /// out (so the retry handler does not start a wait that cannot end before it).
    /// </summary>
    internal static partial class RequestState
    {
        private const string Key = "Voucherify.State";

        /// <summary>Attaches the generated descriptor of the operation the request belongs to.</summary>
        public static void SetOperation(HttpRequestMessage request, OperationDescriptor operation) => For(request).Operation = operation;

        /// <summary>The operation the request belongs to; null for a request the generated clients did not build.</summary>
        public static OperationDescriptor? GetOperation(HttpRequestMessage request) => Find(request)?.Operation;

        public static void SetAttempts(HttpRequestMessage request, int attempts) => For(request).Attempts = attempts;

        /// <summary>The attempts the retry handler started, or the requests counted on the wire when more (see <see cref="GetSends"/>).</summary>
        public static int GetAttempts(HttpRequestMessage request) => Find(request) is { } state ? Math.Max(state.Attempts, state.Sends) : 0;

        /// <summary>Records that the call must be over within <paramref name="timeout"/> from now on <paramref name="time"/>'s clock.</summary>
        public static void SetDeadline(HttpRequestMessage request, TimeSpan timeout, TimeProvider time)
        {
            var state = For(request);
            state.Clock = time;
            state.Deadline = time.GetTimestamp() + (long)(timeout.TotalSeconds * time.TimestampFrequency);
        }

        /// <summary>The time left before the call timeout; null when the call has none.</summary>
        public static TimeSpan? Remaining(HttpRequestMessage request)
        {
            var state = Find(request);
            if (state?.Deadline is not long deadline || state.Clock is not { } clock) return null;
            var seconds = (double)(deadline - clock.GetTimestamp()) / clock.TimestampFrequency;
            return seconds <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(seconds);
        }

        private static State For(HttpRequestMessage request)
        {
            if (request is StatefulRequestMessage own) return own.State ??= new State();
            var state = FindInOptions(request);
            if (state is null)
            {
                state = new State();
                Store(request, state);
            }
            return state;
        }

        /// <summary>The request's state: in its own field when the library built it, else in the message's options.</summary>
        private static State? Find(HttpRequestMessage request) =>
            request is StatefulRequestMessage own ? own.State : FindInOptions(request);

#if NET5_0_OR_GREATER
        private static readonly HttpRequestOptionsKey<State> OptionsKey = new HttpRequestOptionsKey<State>(Key);

        private static void Store(HttpRequestMessage request, State state) => request.Options.Set(OptionsKey, state);

        private static State? FindInOptions(HttpRequestMessage request) => request.Options.TryGetValue(OptionsKey, out var state) ? state : null;
#else
        private static void Store(HttpRequestMessage request, State state) => request.Properties[Key] = state;

        private static State? FindInOptions(HttpRequestMessage request) => request.Properties.TryGetValue(Key, out var state) ? state as State : null;
#endif

        /// <summary>All of a request's values in one object: one entry in the message's options, updated in place per attempt.</summary>
        internal sealed partial class State
        {
            public OperationDescriptor? Operation;
            public int Attempts;
            public long? Deadline;
            public TimeProvider? Clock;
        }
    }
}
