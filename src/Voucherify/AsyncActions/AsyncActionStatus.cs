namespace Voucherify
{
    /// <summary>The values of <see cref="AsyncAction.Status"/>. A job moves from <see cref="Enqueued"/> through <see cref="InProgress"/> to <see cref="Done"/> or <see cref="Failed"/>.</summary>
    public static class AsyncActionStatus
    {
        /// <summary>Queued behind the project's earlier jobs.</summary>
        public const string Enqueued = "ENQUEUED";

        /// <summary>Running; <see cref="AsyncAction.Progress"/> tells how far.</summary>
        public const string InProgress = "IN_PROGRESS";

        /// <summary>Finished. Individual rows may still have failed: see <see cref="AsyncAction.HasFailures"/>.</summary>
        public const string Done = "DONE";

        /// <summary>The job as a whole failed.</summary>
        public const string Failed = "FAILED";
    }

    /// <summary>The values of <see cref="AsyncAction.Type"/> for the jobs the Customers API starts.</summary>
    public static class AsyncActionType
    {
        /// <summary>Started by <see cref="CustomersClient.ImportCustomersFromCsvAsync(FileParameter, System.Threading.CancellationToken)"/>; result: <see cref="CustomersImportCsvResult"/>.</summary>
        public const string CustomersImportCsv = "CUSTOMERS.IMPORT_CSV";

        /// <summary>Started by <see cref="CustomersClient.UpdateCustomersInBulkAsync"/>; result: <see cref="CustomersBulkUpdateResult"/>.</summary>
        public const string CustomersBulkUpdate = "CUSTOMERS.BULK_UPDATE";

        /// <summary>Started by <see cref="CustomersClient.UpdateCustomersMetadataInBulkAsync"/>; result: <see cref="CustomersBulkUpdateResult"/>.</summary>
        public const string CustomersMetadataUpdate = "CUSTOMERS.METADATA_UPDATE";
    }
}
