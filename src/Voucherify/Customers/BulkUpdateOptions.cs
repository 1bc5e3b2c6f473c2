using System;
using System.Collections.Generic;
using System.Linq;

namespace Voucherify
{
    /// <summary>How <see cref="CustomersClient.UpdateCustomersInBatchesAsync"/> and <see cref="CustomersClient.UpdateCustomersMetadataInBatchesAsync"/> split and wait.</summary>
    public sealed class BulkUpdateOptions
    {
        /// <summary>The API's limit for one bulk request body: 10 MB (10 485 760 bytes).</summary>
        public const int ApiMaxRequestBytes = 10 * 1024 * 1024;

        /// <summary>
        /// The largest JSON body (in UTF-8 bytes) one request may carry; requests are filled up to it. Default and maximum:
        /// <see cref="ApiMaxRequestBytes"/>. Lower it to keep each job small.
        /// </summary>
        public int MaxRequestBytes { get; set; } = ApiMaxRequestBytes;

        /// <summary>Wait until every started job has finished and read their results. Default true.</summary>
        public bool WaitForCompletion { get; set; } = true;

        /// <summary>Polling and timeout for each job when <see cref="WaitForCompletion"/> is set; defaults when null.</summary>
        public AsyncActionWaitOptions? WaitOptions { get; set; }

        internal void Validate()
        {
            if (MaxRequestBytes < 64 || MaxRequestBytes > ApiMaxRequestBytes)
                throw new ArgumentOutOfRangeException(nameof(MaxRequestBytes), MaxRequestBytes, $"The request size limit must be between 64 and {ApiMaxRequestBytes} bytes.");
        }
    }

    /// <summary>
    /// The combined outcome of a bulk update that was split into several requests: one async action per request,
    /// and, once they have finished, their results added up.
    /// </summary>
    public sealed class CustomersBulkUpdateSummary
    {
        /// <summary>Combines the jobs of one bulk update; public so tests of your own code can fake the bulk helpers.</summary>
        /// <param name="asyncActionIds">The ids of the jobs started, in request order.</param>
        /// <param name="finishedActions">The finished jobs (empty when not waited for).</param>
        public CustomersBulkUpdateSummary(IReadOnlyList<string> asyncActionIds, IReadOnlyList<AsyncAction> finishedActions)
        {
            AsyncActionIds = asyncActionIds ?? throw new ArgumentNullException(nameof(asyncActionIds));
            FinishedActions = finishedActions ?? throw new ArgumentNullException(nameof(finishedActions));
            var results = finishedActions.Select(action => action.GetBulkUpdateResult()).Where(result => result != null).ToList();
            DoneCount = results.Sum(result => result!.DoneCount ?? 0);
            FailedCount = results.Sum(result => result!.FailedCount ?? 0);
            Errors = results.SelectMany(result => result!.Errors ?? Enumerable.Empty<CustomersBulkUpdateError>()).ToList();
            Reports = results.SelectMany(result => result!.Reports ?? Enumerable.Empty<string>()).ToList();
        }

        /// <summary>The ids of the async actions started, one per request, in request order.</summary>
        public IReadOnlyList<string> AsyncActionIds { get; }

        /// <summary>The jobs in their final state; empty when the helper did not wait.</summary>
        public IReadOnlyList<AsyncAction> FinishedActions { get; }

        /// <summary>True when every started job has finished and is in <see cref="FinishedActions"/>.</summary>
        public bool IsComplete => FinishedActions.Count == AsyncActionIds.Count;

        /// <summary>True when a job failed as a whole or reported rows it could not update.</summary>
        public bool HasFailures => FinishedActions.Any(action => action.HasFailures);

        /// <summary>Customers updated (or created), over all jobs.</summary>
        public int DoneCount { get; }

        /// <summary>Customers the jobs could not update, over all jobs.</summary>
        public int FailedCount { get; }

        /// <summary>The rows the jobs rejected, with the reason, over all jobs.</summary>
        public IReadOnlyList<CustomersBulkUpdateError> Errors { get; }

        /// <summary>Links to the jobs' downloadable reports (available for a limited time).</summary>
        public IReadOnlyList<string> Reports { get; }
    }
}
