using System;

namespace Voucherify
{
    /// <summary>How <see cref="AsyncActionsClient.WaitForCompletionAsync"/> polls a job.</summary>
    /// <remarks>
    /// Polls start right away, then back off from <see cref="InitialDelay"/> by <see cref="BackoffFactor"/> up to
    /// <see cref="MaxDelay"/>. When the job reports its progress, the next poll is timed for the estimated finish
    /// instead (still within those bounds), so long jobs cost few requests and short ones are seen finishing promptly.
    /// </remarks>
    public sealed class AsyncActionWaitOptions
    {
        /// <summary>The delay after the first poll, and the shortest delay between polls. Default 1 second.</summary>
        public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>The longest delay between polls. Default 10 seconds.</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>How much each delay grows over the previous one while the job reports no progress. Default 1.5.</summary>
        public double BackoffFactor { get; set; } = 1.5;

        /// <summary>
        /// How long to wait in total before giving up with <see cref="AsyncActionTimeoutException"/>. Default 30 minutes.
        /// The polls count towards it: one still in flight at the deadline is abandoned there. Giving up stops the
        /// waiting only; the job goes on on the server.
        /// </summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);

        /// <summary>Receives every state the poller sees (for a progress line or a log); optional.</summary>
        public IProgress<AsyncAction>? Progress { get; set; }

        internal void Validate()
        {
            if (InitialDelay <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(InitialDelay), InitialDelay, "The initial delay must be positive.");
            if (MaxDelay < InitialDelay) throw new ArgumentOutOfRangeException(nameof(MaxDelay), MaxDelay, "The maximum delay must be at least the initial delay.");
            if (double.IsNaN(BackoffFactor) || BackoffFactor < 1) throw new ArgumentOutOfRangeException(nameof(BackoffFactor), BackoffFactor, "The backoff factor must be 1 or more.");
            if (Timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "The timeout must be positive.");
        }
    }
}
