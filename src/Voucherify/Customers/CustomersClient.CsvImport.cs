using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Voucherify
{
    /// <summary>The Customers API. Get one from <see cref="VoucherifyClient.Customers"/>.</summary>
    public partial class CustomersClient
    {
        private const string CsvContentType = "text/csv";

        /// <summary>
        /// Starts a customer import from CSV data. The stream is sent as it is read, never buffered whole.
        /// </summary>
        /// <param name="csv">UTF-8, comma-separated, with a header row (<c>Source_id</c>, <c>Name</c>, <c>Email</c>, …; other columns become metadata). Not disposed.</param>
        /// <param name="fileName">The file name to report to the API, e.g. <c>customers.csv</c>.</param>
        /// <param name="cancellationToken">Cancels the upload.</param>
        /// <returns>The id of the <c>CUSTOMERS.IMPORT_CSV</c> async action; wait for it with <see cref="AsyncActionsClient.WaitForCompletionAsync"/>.</returns>
        /// <exception cref="ArgumentException">The stream is unreadable or (when seekable) empty.</exception>
        public virtual Task<AsyncActionStarted> ImportCustomersFromCsvAsync(Stream csv, string fileName, CancellationToken cancellationToken = default)
        {
            if (csv is null) throw new ArgumentNullException(nameof(csv));
            if (!csv.CanRead) throw new ArgumentException("The CSV stream is not readable.", nameof(csv));
            if (csv.CanSeek && csv.Length - csv.Position <= 0) throw new ArgumentException("The CSV stream is empty; the import needs at least a header row.", nameof(csv));
            if (string.IsNullOrWhiteSpace(fileName)) throw new ArgumentException("A file name is required, e.g. customers.csv.", nameof(fileName));
            return ImportCustomersFromCsvAsync(new FileParameter(new NonDisposingStream(csv), fileName, CsvContentType), cancellationToken);
        }

        /// <summary>Starts a customer import from a CSV file, streaming it from disk.</summary>
        /// <param name="filePath">Path of a UTF-8, comma-separated file with a header row.</param>
        /// <param name="cancellationToken">Cancels the upload.</param>
        /// <returns>The id of the <c>CUSTOMERS.IMPORT_CSV</c> async action.</returns>
        /// <exception cref="FileNotFoundException">There is no such file.</exception>
        /// <exception cref="ArgumentException">The file is empty.</exception>
        public virtual async Task<AsyncActionStarted> ImportCustomersFromCsvAsync(string filePath, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(filePath)) throw new ArgumentException("A CSV file path is required.", nameof(filePath));
            if (!File.Exists(filePath)) throw new FileNotFoundException($"The CSV file '{filePath}' does not exist.", filePath);

            using var file = new FileStream(filePath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
            if (file.Length == 0) throw new ArgumentException($"The CSV file '{filePath}' is empty; the import needs at least a header row.", nameof(filePath));
            return await ImportCustomersFromCsvAsync(file, Path.GetFileName(filePath), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Imports a CSV file and waits for the import to finish.</summary>
        /// <param name="filePath">Path of a UTF-8, comma-separated file with a header row.</param>
        /// <param name="waitOptions">Polling and timeout; defaults when null.</param>
        /// <param name="cancellationToken">Cancels the upload or the waiting (not an import already started).</param>
        /// <returns>The finished import; <see cref="AsyncAction.GetImportCsvResult"/> lists imported and rejected rows (<see cref="CustomersImportCsvResult.HasFailures"/>).</returns>
        /// <exception cref="AsyncActionFailedException">The import failed as a whole (for example a quoted field never closed); <see cref="AsyncActionFailedException.Reason"/> says why.</exception>
        /// <exception cref="AsyncActionTimeoutException">The import did not finish within the wait timeout; it goes on on the server.</exception>
        public virtual async Task<AsyncAction> ImportCustomersFromCsvAndWaitAsync(string filePath, AsyncActionWaitOptions? waitOptions = null, CancellationToken cancellationToken = default)
        {
            var started = await ImportCustomersFromCsvAsync(filePath, cancellationToken).ConfigureAwait(false);
            return (await WaitForAsyncActionAsync(started, waitOptions, cancellationToken).ConfigureAwait(false)).ThrowIfFailed();
        }

        /// <summary>Imports CSV data from a stream and waits for the import to finish.</summary>
        /// <param name="csv">UTF-8, comma-separated, with a header row. Not disposed.</param>
        /// <param name="fileName">The file name to report to the API.</param>
        /// <param name="waitOptions">Polling and timeout; defaults when null.</param>
        /// <param name="cancellationToken">Cancels the upload or the waiting (not an import already started).</param>
        /// <returns>The finished import; <see cref="AsyncAction.GetImportCsvResult"/> lists imported and rejected rows (<see cref="CustomersImportCsvResult.HasFailures"/>).</returns>
        /// <exception cref="AsyncActionFailedException">The import failed as a whole (for example a quoted field never closed); <see cref="AsyncActionFailedException.Reason"/> says why.</exception>
        /// <exception cref="AsyncActionTimeoutException">The import did not finish within the wait timeout; it goes on on the server.</exception>
        public virtual async Task<AsyncAction> ImportCustomersFromCsvAndWaitAsync(Stream csv, string fileName, AsyncActionWaitOptions? waitOptions = null, CancellationToken cancellationToken = default)
        {
            var started = await ImportCustomersFromCsvAsync(csv, fileName, cancellationToken).ConfigureAwait(false);
            return (await WaitForAsyncActionAsync(started, waitOptions, cancellationToken).ConfigureAwait(false)).ThrowIfFailed();
        }

        private Task<AsyncAction> WaitForAsyncActionAsync(AsyncActionStarted started, AsyncActionWaitOptions? waitOptions, CancellationToken cancellationToken)
        {
            if (string.IsNullOrEmpty(started.AsyncActionId))
                throw new VoucherifyApiException("The API accepted the job but returned no async_action_id.", 202, null, new System.Collections.Generic.Dictionary<string, System.Collections.Generic.IEnumerable<string>>(), null);
            return new AsyncActionsClient(Options, HttpClient).WaitForCompletionAsync(started.AsyncActionId!, waitOptions, cancellationToken);
        }
    }
}
