using System;
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
            var time = Options.TimeProvider;
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            // Timers take at most int.MaxValue milliseconds; a longer timeout (over 24 days) is as good as none.
            using var deadlineTimer = options.Timeout.TotalMilliseconds <= int.MaxValue ? Http.Clock.CancelAfter(time, deadline, options.Timeout) : null;
            var started = time.GetTimestamp();
            var schedule = new PollSchedule(options);
            AsyncAction? lastSeen = null;
            try
            {
                while (true)
                {
                    var action = await GetAsyncActionAsync(asyncActionId, deadline.Token).ConfigureAwait(false);
                    lastSeen = action;
                    var seenAt = time.GetElapsedTime(started);
                    options.Progress?.Report(action);
                    if (action.IsFinished) return Diagnostics.VoucherifyTelemetry.AsyncActionFinished(activity, action, time.GetElapsedTime(started));
                    if (seenAt >= options.Timeout) throw new AsyncActionTimeoutException(asyncActionId, action, options.Timeout);

                    // A delay reaching past the deadline is cut by it.
                    await Http.Clock.Delay(time, schedule.NextDelay(action, seenAt), deadline.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new AsyncActionTimeoutException(asyncActionId, lastSeen, options.Timeout);
            }
        }
    }
}
