using System;
using System.Net.Http;

namespace Voucherify.Http
{
    /// <summary>
    /// Bounds a whole call, retries and their waits included, and tells that timeout apart from the caller's cancellation:
    /// the first becomes a <see cref="VoucherifyTimeoutException"/>, the second stays an <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <remarks>
    /// No timer and no handler of its own: <see cref="RetryHandler"/> (which sees the call once) records the deadline on the
    /// request, starts no wait that would outlast it, and reports the timeout; <see cref="AttemptHandler"/> bounds each
    /// attempt by whichever comes first, its own timeout or the call's deadline. One timer per attempt instead of two per
    /// call, and one async state machine fewer per call than a handler of its own would cost.
    /// </remarks>
    internal static class CallDeadline
    {
        /// <summary>Starts the call's clock; nothing to do when the call has no timeout.</summary>
        public static void Start(HttpRequestMessage request, TimeSpan timeout, TimeProvider time)
        {
            if (timeout != System.Threading.Timeout.InfiniteTimeSpan) RequestState.SetDeadline(request, timeout, time);
        }

        /// <summary>What the caller sees when an attempt ran into the call's deadline.</summary>
        public static VoucherifyTimeoutException Exceeded(HttpRequestMessage request, TimeSpan timeout) =>
            new VoucherifyTimeoutException(OperationName.Of(request), VoucherifyTimeoutScope.Call, timeout, RequestState.GetAttempts(request));
    }

    /// <summary>An attempt reached the call's deadline; <see cref="RetryHandler"/> reports it (see <see cref="CallDeadline"/>).</summary>
    internal sealed class CallTimedOutException : Exception
    {
        public CallTimedOutException(Exception innerException)
            : base("The call's deadline passed during an attempt.", innerException)
        {
        }
    }
}
