using System;

namespace Voucherify
{
    /// <summary>
    /// When <see cref="AsyncActionsClient.WaitForCompletionAsync"/> polls next: backing off while the job reports no
    /// progress, at its estimated finish once it does, always within <see cref="AsyncActionWaitOptions.InitialDelay"/>
    /// and <see cref="AsyncActionWaitOptions.MaxDelay"/>.
    /// </summary>
    /// <remarks>Apart from the loop so that the arithmetic is tested on exact values, not on a loaded machine's timers.</remarks>
    internal sealed class PollSchedule
    {
        private readonly TimeSpan _min;
        private readonly TimeSpan _max;
        private readonly double _factor;
        private TimeSpan _backoff;
        private ProgressSample? _previous;

        public PollSchedule(AsyncActionWaitOptions options)
        {
            _min = options.InitialDelay;
            _max = options.MaxDelay;
            _factor = options.BackoffFactor;
            _backoff = options.InitialDelay;
        }

        /// <summary>The delay before the next poll, after <paramref name="action"/> was seen at <paramref name="seenAt"/> on the waiter's clock.</summary>
        public TimeSpan NextDelay(AsyncAction action, TimeSpan seenAt)
        {
            var sample = action.Status == AsyncActionStatus.InProgress && action.Progress is int percent ? new ProgressSample(seenAt, percent) : (ProgressSample?)null;
            var delay = Clamp(EstimateTimeToFinish(_previous, sample) ?? _backoff);
            _previous = sample;
            // Capped while still a double: a huge factor overflows the ticks, and .NET Framework turns an out-of-range
            // double into long.MinValue, which would send the backoff back to the shortest delay. (A factor of at least
            // 1 never takes it below the shortest.)
            var grown = _backoff.Ticks * _factor;
            _backoff = grown >= _max.Ticks ? _max : TimeSpan.FromTicks((long)grown);
            return delay;
        }

        /// <summary>
        /// Linear extrapolation from the progress made between two polls; null until the job has been seen progressing.
        /// </summary>
        /// <remarks>
        /// A rate between two samples, rather than "progress so far over time waited", because the job may have started
        /// long before the wait did, and because a slow first poll (connection set-up, JIT) would otherwise count as job
        /// time and push the next poll far past the finish.
        /// </remarks>
        private static TimeSpan? EstimateTimeToFinish(ProgressSample? previous, ProgressSample? current)
        {
            if (!(previous is { } before) || !(current is { } now) || now.Percent <= before.Percent || now.Percent >= 100)
                return null;
            return TimeSpan.FromTicks((now.SeenAt - before.SeenAt).Ticks * (100 - now.Percent) / (now.Percent - before.Percent));
        }

        private TimeSpan Clamp(TimeSpan value) => value < _min ? _min : value > _max ? _max : value;

        /// <summary>The progress an in-progress job reported, and when (on the waiter's clock) it was seen.</summary>
        private readonly struct ProgressSample
        {
            public ProgressSample(TimeSpan seenAt, int percent)
            {
                SeenAt = seenAt;
                Percent = percent;
            }

            public TimeSpan SeenAt { get; }

            public int Percent { get; }
        }
    }
}
