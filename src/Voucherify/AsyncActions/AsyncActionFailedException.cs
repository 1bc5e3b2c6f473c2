using System.Linq;

namespace Voucherify
{
    /// <summary>
    /// A job the library waited for ended with status <c>FAILED</c>: the job as a whole did not run (for example a CSV
    /// file with a quoted field that is never closed). Thrown by the <c>…AndWaitAsync</c> import helpers, the batch
    /// helpers and <see cref="AsyncAction.ThrowIfFailed"/>; <see cref="AsyncActionsClient.WaitForCompletionAsync"/>
    /// itself returns the failed job.
    /// </summary>
    /// <remarks>
    /// A job that finished <c>DONE</c> with some rows rejected is not an exception: its result lists them, and
    /// <c>HasFailures</c> (on <see cref="AsyncAction"/>, the typed results and <see cref="CustomersBulkUpdateSummary"/>) says so.
    /// </remarks>
    public sealed class AsyncActionFailedException : VoucherifyException
    {
        internal AsyncActionFailedException(AsyncAction asyncAction, CustomersBulkUpdateSummary? summary)
            : base(Describe(asyncAction, summary), null)
        {
            AsyncAction = asyncAction;
            Summary = summary;
        }

        /// <summary>The failed job in its final state; its <see cref="AsyncAction.Result"/> holds what the API reported.</summary>
        public AsyncAction AsyncAction { get; }

        /// <summary>The failed job's id (<c>aa_…</c>).</summary>
        public string? AsyncActionId => AsyncAction.Id;

        /// <summary>Why the job failed, as the API reported it (<see cref="AsyncAction.FailureReason"/>); null when it gave no reason.</summary>
        public string? Reason => AsyncAction.FailureReason;

        /// <summary>
        /// For the batch helpers (<see cref="CustomersClient.UpdateCustomersInBatchesAsync"/>,
        /// <see cref="CustomersClient.UpdateCustomersMetadataInBatchesAsync"/>): every job they started and waited for,
        /// the failed ones included, so the work the other jobs did is not lost. Null for a single job.
        /// </summary>
        public CustomersBulkUpdateSummary? Summary { get; }

        private static string Describe(AsyncAction action, CustomersBulkUpdateSummary? summary)
        {
            var message = $"Async action {action.Id} ({action.Type ?? "unknown type"}) failed: {action.FailureReason ?? "the API gave no reason"}.";
            if (summary is null) return message;
            var failed = summary.FinishedActions.Count(job => job.Status == AsyncActionStatus.Failed);
            return message + $" {failed} of the {summary.AsyncActionIds.Count} jobs of this batch update failed; the others' results are in Summary.";
        }
    }
}
