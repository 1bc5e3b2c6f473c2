using System.Collections.Generic;

namespace Voucherify.Csv
{
    /// <summary>How <see cref="CustomersClientCsvExtensions.ImportCustomersAsync"/> writes and waits.</summary>
    public sealed class CustomerCsvImportOptions
    {
        /// <summary>
        /// The metadata keys to write as columns. When null, the rows are read once beforehand to collect them, so the
        /// sequence must be one that can be read twice; set this for a sequence that is produced on the fly.
        /// </summary>
        public IReadOnlyList<string>? MetadataColumns { get; set; }

        /// <summary>The file name reported to the API. Default <c>customers.csv</c>.</summary>
        public string FileName { get; set; } = "customers.csv";

        /// <summary>Polling and timeout while the import runs; defaults when null.</summary>
        public AsyncActionWaitOptions? WaitOptions { get; set; }
    }
}
