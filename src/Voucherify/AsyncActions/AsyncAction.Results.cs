using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Voucherify.Serialization;

namespace Voucherify
{
    /// <summary>A server-side job (import or bulk update) and, once finished, its result.</summary>
    public partial class AsyncAction
    {
        /// <summary>True once <see cref="Status"/> is <c>DONE</c> or <c>FAILED</c>; the job will not change any more.</summary>
        [JsonIgnore]
        public bool IsFinished => Status == AsyncActionStatus.Done || Status == AsyncActionStatus.Failed;

        /// <summary>
        /// True when the job failed as a whole, or finished with rows it could not process
        /// (a <c>failed_count</c> above zero, or listed <c>failed</c> rows or <c>errors</c>).
        /// </summary>
        [JsonIgnore]
        public bool HasFailures =>
            Status == AsyncActionStatus.Failed
            || OperationStatus == "FAILED"
            || (Result is JObject result && (ReadCount(result["failed_count"]) > 0 || HasItems(result["failed"]) || HasItems(result["errors"])));

        /// <summary>
        /// Why the job failed, when <see cref="Status"/> is <c>FAILED</c>: the <c>message</c> of its result (the CSV import
        /// puts the reason there), or else the first reported error's message. Null for a job that did not fail, or
        /// when the API gave no reason.
        /// </summary>
        [JsonIgnore]
        public string? FailureReason =>
            Status != AsyncActionStatus.Failed || !(Result is JObject result) ? null
            : result["message"] is JValue { Type: JTokenType.String } message ? (string?)message
            : result["errors"] is JArray { Count: > 0 } errors && errors[0]["message"] is JValue { Type: JTokenType.String } first ? (string?)first
            : null;

        /// <summary>
        /// Throws <see cref="AsyncActionFailedException"/> when <see cref="Status"/> is <c>FAILED</c>; otherwise returns
        /// this job, so a wait reads as <c>(await WaitForCompletionAsync(id)).ThrowIfFailed()</c>. Rows rejected by a job
        /// that finished <c>DONE</c> do not throw: check <see cref="HasFailures"/> for those.
        /// </summary>
        /// <returns>This job.</returns>
        /// <exception cref="AsyncActionFailedException">The job failed as a whole.</exception>
        public AsyncAction ThrowIfFailed() =>
            Status == AsyncActionStatus.Failed ? throw new AsyncActionFailedException(this, summary: null) : this;

        /// <summary>The result of a <c>CUSTOMERS.IMPORT_CSV</c> job; null while the job runs or for another job type.</summary>
        public CustomersImportCsvResult? GetImportCsvResult() =>
            Type == AsyncActionType.CustomersImportCsv ? ReadResult<CustomersImportCsvResult>() : null;

        /// <summary>The result of a <c>CUSTOMERS.BULK_UPDATE</c> or <c>CUSTOMERS.METADATA_UPDATE</c> job; null while the job runs or for another job type.</summary>
        public CustomersBulkUpdateResult? GetBulkUpdateResult() =>
            Type == AsyncActionType.CustomersBulkUpdate || Type == AsyncActionType.CustomersMetadataUpdate ? ReadResult<CustomersBulkUpdateResult>() : null;

        /// <summary>Reads <see cref="Result"/> as <typeparamref name="T"/> (for job types this library has no typed helper for).</summary>
        /// <typeparam name="T">The result type.</typeparam>
        /// <returns>The result, or null when there is none.</returns>
        /// <exception cref="VoucherifyApiException">The result does not have the shape of <typeparamref name="T"/>.</exception>
        public T? ReadResult<T>() where T : class
        {
            if (Result is null) return null;
            // A result that is not an object (the service sent a string or a number) arrives as a plain CLR value;
            // it must fail the shape check below like any other mismatch, not pass as "no result".
            var token = Result as JToken ?? JToken.FromObject(Result, VoucherifyJson.Serializer);
            if (token.Type == JTokenType.Null) return null;
            try
            {
                return token.ToObject<T>(VoucherifyJson.Serializer);
            }
            catch (Exception exception) when (exception is JsonException || exception is ArgumentException || exception is FormatException || exception is InvalidCastException || exception is OverflowException)
            {
                throw new VoucherifyApiException(
                    $"The result of async action {Id} ({Type}) could not be read as {typeof(T).Name}.",
                    200, token.ToString(Formatting.None), new System.Collections.Generic.Dictionary<string, System.Collections.Generic.IEnumerable<string>>(), exception);
            }
        }

        private static long ReadCount(JToken? token) => token is JValue { Value: long count } ? count : 0;

        private static bool HasItems(JToken? token) => token is JArray array && array.Count > 0;
    }
}
