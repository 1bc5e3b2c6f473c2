using System;
using System.Threading;
using System.Threading.Tasks;

namespace Voucherify.Http
{
    /// <summary>
    /// Waits and deadlines on <see cref="VoucherifyClientOptions.TimeProvider"/>, so a test that controls the clock decides
    /// when a retry wait, a poll delay or a timeout ends.
    /// </summary>
    /// <remarks>
    /// The system clock keeps the runtime's own timers (<see cref="CancellationTokenSource.CancelAfter(TimeSpan)"/>,
    /// <see cref="Task.Delay(TimeSpan, CancellationToken)"/>): no extra timer object per attempt on the path every call takes.
    /// </remarks>
    internal static class Clock
    {
        /// <summary>Completes after <paramref name="delay"/> on <paramref name="time"/>'s clock, or is cancelled.</summary>
        public static Task Delay(TimeProvider time, TimeSpan delay, CancellationToken cancellationToken)
        {
            if (ReferenceEquals(time, TimeProvider.System)) return Task.Delay(delay, cancellationToken);
#if NET8_0_OR_GREATER
            return Task.Delay(delay, time, cancellationToken);
#else
            return time.Delay(delay, cancellationToken);
#endif
        }

        /// <summary>
        /// Cancels <paramref name="source"/> after <paramref name="delay"/> on <paramref name="time"/>'s clock. Returns the
        /// timer to dispose (before the source) when one was created, null for the system clock.
        /// </summary>
        public static ITimer? CancelAfter(TimeProvider time, CancellationTokenSource source, TimeSpan delay)
        {
            if (ReferenceEquals(time, TimeProvider.System))
            {
                source.CancelAfter(delay);
                return null;
            }
            return time.CreateTimer(CancelSource, source, delay, Timeout.InfiniteTimeSpan);
        }

        private static void CancelSource(object? state)
        {
            try
            {
                ((CancellationTokenSource)state!).Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The attempt or wait ended and disposed its source while the timer fired: nothing left to cancel.
            }
        }
    }
}
