using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace Voucherify
{
    /// <summary>Reads async actions and waits for them to finish. Get one from <see cref="VoucherifyClient.AsyncActions"/>.</summary>
    public partial class AsyncActionsClient
    {
        /// <summary>
        /// Polls the async action until its status is <c>DONE</c> or <c>FAILED</c> and returns that final state.
        /// </summary>
        /// <param name="asyncActionId">The id returned when the job was started (<c>aa_…</c>).</param>
        /// <param name="options">Polling intervals, overall timeout and progress reporting; defaults when null.</param>
        /// <param name="cancellationToken">Stops the waiting (not the job on the server).</param>
        /// <returns>
        /// The finished job, <c>FAILED</c> ones included (this is the polling primitive): call
        /// <see cref="AsyncAction.ThrowIfFailed"/> to turn a failed job into <see cref="AsyncActionFailedException"/>, and
        /// check <see cref="AsyncAction.HasFailures"/> for rows a finished job rejected. The import and batch helpers do both for you.
        /// </returns>
        /// <exception cref="AsyncActionTimeoutException">The job did not finish within <see cref="AsyncActionWaitOptions.Timeout"/>.</exception>
        /// <exception cref="VoucherifyApiException">A poll failed (for example 404 for an unknown id).</exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public virtual async Task<AsyncAction> WaitForCompletionAsync(string asyncActionId, AsyncActionWaitOptions? options = null, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(asyncActionId))
                throw new ArgumentException("The async action id must not be empty.", nameof(asyncActionId));
            options ??= new AsyncActionWaitOptions();
            options.Validate();

            using var activity = Diagnostics.VoucherifyTelemetry.StartAsyncActionWait(asyncActionId);
            // The timeout bounds the whole wait, polls included: a poll still in flight at the deadline is abandoned.
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            // CancelAfter takes at most int.MaxValue milliseconds; a longer timeout (over 24 days) is as good as none.
            if (options.Timeout.TotalMilliseconds <= int.MaxValue) deadline.CancelAfter(options.Timeout);
            var clock = Stopwatch.StartNew();
            var backoff = options.InitialDelay;
            ProgressSample? previous = null;
            AsyncAction? lastSeen = null;
            try
            {
                while (true)
                {
                    var action = await GetAsyncActionAsync(asyncActionId, deadline.Token).ConfigureAwait(false);
                    lastSeen = action;
                    var seenAt = clock.Elapsed;
                    options.Progress?.Report(action);
                    if (action.IsFinished) return Diagnostics.VoucherifyTelemetry.AsyncActionFinished(activity, action, clock.Elapsed);
                    if (seenAt >= options.Timeout) throw new AsyncActionTimeoutException(asyncActionId, action, options.Timeout);

                    var sample = action.Status == AsyncActionStatus.InProgress && action.Progress is int percent ? new ProgressSample(seenAt, percent) : (ProgressSample?)null;
                    var delay = EstimateTimeToFinish(previous, sample) ?? backoff;
                    previous = sample;
                    // A delay reaching past the deadline is cut by it.
                    await Task.Delay(Clamp(delay, options.InitialDelay, options.MaxDelay), deadline.Token).ConfigureAwait(false);
                    backoff = Clamp(TimeSpan.FromTicks((long)(backoff.Ticks * options.BackoffFactor)), options.InitialDelay, options.MaxDelay);
                }
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new AsyncActionTimeoutException(asyncActionId, lastSeen, options.Timeout);
            }
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

        private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) =>
            value < min ? min : value > max ? max : value;
    }
}
