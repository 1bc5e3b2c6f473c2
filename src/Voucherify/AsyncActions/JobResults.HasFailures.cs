using Newtonsoft.Json;

namespace Voucherify
{
    public partial class CustomersImportCsvResult
    {
        /// <summary>True when the import rejected at least one row (a <c>failed_count</c> above zero, or listed <c>failed</c> rows).</summary>
        [JsonIgnore]
        public bool HasFailures => FailedCount > 0 || Failed is { Count: > 0 };
    }

    public partial class CustomersBulkUpdateResult
    {
        /// <summary>True when the job could not update at least one customer (a <c>failed_count</c> above zero, or listed <c>errors</c>).</summary>
        [JsonIgnore]
        public bool HasFailures => FailedCount > 0 || Errors is { Count: > 0 };
    }
}
