using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Voucherify
{
    public partial interface ICustomersClient
    {
        /// <inheritdoc cref="CustomersClient.UpdateCustomersInBatchesAsync"/>
        Task<CustomersBulkUpdateSummary> UpdateCustomersInBatchesAsync(IEnumerable<CustomerBulkUpdateItem> customers, BulkUpdateOptions? options = null, CancellationToken cancellationToken = default);

        /// <inheritdoc cref="CustomersClient.UpdateCustomersMetadataInBatchesAsync"/>
        Task<CustomersBulkUpdateSummary> UpdateCustomersMetadataInBatchesAsync(IEnumerable<string> sourceIds, IDictionary<string, object> metadata, BulkUpdateOptions? options = null, CancellationToken cancellationToken = default);
    }

    public partial class CustomersClient
    {
        /// <summary>
        /// Updates (or creates) any number of customers: splits them into bulk requests that stay under the API's 10 MB
        /// limit, starts one async action per request and, unless told not to, waits for all of them.
        /// </summary>
        /// <remarks>
        /// The customers are read once, in order, and only one request's worth is held at a time, so a lazily produced
        /// sequence is never materialised whole. Requests are sent one after the other (bulk calls share a rate-limit bucket).
        /// </remarks>
        /// <param name="customers">The customers, each with its <c>SourceId</c>.</param>
        /// <param name="options">Request size limit and waiting; defaults (10 MB, wait) when null.</param>
        /// <param name="cancellationToken">Stops sending and waiting; jobs already started go on on the server.</param>
        /// <returns>The jobs started and, when waited for, their combined counts, rejected rows (<see cref="CustomersBulkUpdateSummary.HasFailures"/>) and report links.</returns>
        /// <exception cref="ArgumentException">A customer is null, has no source id, or alone exceeds the size limit (the message names the jobs already started).</exception>
        /// <exception cref="AsyncActionFailedException">A job failed as a whole; thrown once every job has been waited for, with all of them in <see cref="AsyncActionFailedException.Summary"/>.</exception>
        /// <exception cref="AsyncActionTimeoutException">A job did not finish within the wait timeout.</exception>
        /// <exception cref="VoucherifyApiException">A request failed.</exception>
        public virtual Task<CustomersBulkUpdateSummary> UpdateCustomersInBatchesAsync(IEnumerable<CustomerBulkUpdateItem> customers, BulkUpdateOptions? options = null, CancellationToken cancellationToken = default)
        {
            if (customers is null) throw new ArgumentNullException(nameof(customers));
            return SendInBatchesAsync(
                customers,
                nameof(customers),
                emptyBodyBytes: 2, // []
                (customer, index) =>
                {
                    if (customer is null) throw new ArgumentException($"Customer {index} is null.", nameof(customers));
                    if (string.IsNullOrEmpty(customer.SourceId)) throw new ArgumentException($"Customer {index} has no SourceId; bulk updates match customers by source id.", nameof(customers));
                    return Http.BulkPayload.MeasureJsonBytes(customer);
                },
                (batch, token) => UpdateCustomersInBulkAsync(batch, token),
                options,
                cancellationToken);
        }

        /// <summary>
        /// Merges the same metadata into any number of customers: splits the source ids into requests that stay under
        /// the API's 10 MB limit, starts one async action per request and, unless told not to, waits for all of them.
        /// </summary>
        /// <param name="sourceIds">The customers' source ids; unknown ones are created by the API.</param>
        /// <param name="metadata">The metadata to merge into every listed customer.</param>
        /// <param name="options">Request size limit and waiting; defaults (10 MB, wait) when null.</param>
        /// <param name="cancellationToken">Stops sending and waiting; jobs already started go on on the server.</param>
        /// <returns>The jobs started and, when waited for, their combined counts, rejected rows (<see cref="CustomersBulkUpdateSummary.HasFailures"/>) and report links.</returns>
        /// <exception cref="ArgumentException">A source id is null or empty, or the metadata alone exceeds the size limit.</exception>
        /// <exception cref="AsyncActionFailedException">A job failed as a whole; thrown once every job has been waited for, with all of them in <see cref="AsyncActionFailedException.Summary"/>.</exception>
        /// <exception cref="AsyncActionTimeoutException">A job did not finish within the wait timeout.</exception>
        /// <exception cref="VoucherifyApiException">A request failed.</exception>
        public virtual Task<CustomersBulkUpdateSummary> UpdateCustomersMetadataInBatchesAsync(IEnumerable<string> sourceIds, IDictionary<string, object> metadata, BulkUpdateOptions? options = null, CancellationToken cancellationToken = default)
        {
            if (sourceIds is null) throw new ArgumentNullException(nameof(sourceIds));
            if (metadata is null) throw new ArgumentNullException(nameof(metadata));
            return SendInBatchesAsync(
                sourceIds,
                nameof(sourceIds),
                emptyBodyBytes: Http.BulkPayload.MeasureJsonBytes(new CustomerMetadataBulkUpdateOptions { Metadata = metadata }),
                (sourceId, index) =>
                {
                    if (string.IsNullOrEmpty(sourceId)) throw new ArgumentException($"Source id {index} is null or empty.", nameof(sourceIds));
                    return Http.BulkPayload.MeasureJsonBytes(sourceId);
                },
                (batch, token) => UpdateCustomersMetadataInBulkAsync(new CustomerMetadataBulkUpdateOptions { SourceIds = batch, Metadata = metadata }, token),
                options,
                cancellationToken);
        }

        /// <summary>
        /// Fills each request up to the size limit. A request body is the empty body plus the items' JSON joined by
        /// commas (both bulk bodies are a JSON array of items, directly or under <c>source_ids</c>), so its size is
        /// known exactly without serializing the batch.
        /// </summary>
        private async Task<CustomersBulkUpdateSummary> SendInBatchesAsync<T>(
            IEnumerable<T> items,
            string itemsParameter,
            long emptyBodyBytes,
            Func<T, int, long> measureItem,
            Func<List<T>, CancellationToken, Task<AsyncActionStarted>> sendAsync,
            BulkUpdateOptions? options,
            CancellationToken cancellationToken)
        {
            options ??= new BulkUpdateOptions();
            options.Validate();
            var started = new List<AsyncActionStarted>();
            var batch = new List<T>();
            var batchBytes = emptyBodyBytes;
            var index = 0;
            foreach (var item in items)
            {
                var itemBytes = measureItem(item, index);
                if (emptyBodyBytes + itemBytes > options.MaxRequestBytes)
                    throw new ArgumentException(
                        $"Item {index} alone makes a {emptyBodyBytes + itemBytes}-byte request, over the {options.MaxRequestBytes}-byte limit. Jobs already started: {DescribeStarted(started)}.",
                        itemsParameter);
                var separatorBytes = batch.Count == 0 ? 0 : 1;
                if (batchBytes + separatorBytes + itemBytes > options.MaxRequestBytes)
                {
                    started.Add(await StartAsync(batch).ConfigureAwait(false));
                    batch = new List<T>();
                    batchBytes = emptyBodyBytes;
                    separatorBytes = 0;
                }
                batch.Add(item);
                batchBytes += separatorBytes + itemBytes;
                index++;
            }
            if (batch.Count > 0) started.Add(await StartAsync(batch).ConfigureAwait(false));

            var ids = started.ConvertAll(job => job.AsyncActionId!);
            var finished = new List<AsyncAction>();
            if (options.WaitForCompletion)
            {
                // Sequential: the API runs a project's jobs one after another, so waiting in parallel would not finish sooner.
                foreach (var job in started)
                    finished.Add(await WaitForAsyncActionAsync(job, options.WaitOptions, cancellationToken).ConfigureAwait(false));
            }
            var summary = new CustomersBulkUpdateSummary(ids, finished);
            // Thrown only after every job was waited for: the jobs are already running, and the summary keeps what they did.
            var failedJob = finished.Find(job => job.Status == AsyncActionStatus.Failed);
            if (failedJob != null) throw new AsyncActionFailedException(failedJob, summary);
            return summary;

            async Task<AsyncActionStarted> StartAsync(List<T> full)
            {
                var job = await sendAsync(full, cancellationToken).ConfigureAwait(false);
                if (string.IsNullOrEmpty(job.AsyncActionId))
                    throw new VoucherifyApiException($"The API accepted a bulk request but returned no async_action_id. Jobs started before it: {DescribeStarted(started)}.",
                        202, null, new Dictionary<string, IEnumerable<string>>(), null);
                return job;
            }
        }

        private static string DescribeStarted(List<AsyncActionStarted> started) =>
            started.Count == 0 ? "none" : string.Join(", ", started.ConvertAll(job => job.AsyncActionId));
    }
}
