using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace Voucherify.Csv
{
    /// <summary>Imports typed customer rows through the CSV import.</summary>
    public static class CustomersClientCsvExtensions
    {
        /// <summary>
        /// Writes the customers as CSV and streams it into the customer import while it is being written (at most a
        /// small buffer of it is in memory), then waits for the import to finish.
        /// </summary>
        /// <param name="customers">The client, for example <c>voucherify.Customers</c>.</param>
        /// <param name="rows">The customers to import; <c>SourceId</c> matches existing customers. Metadata keys become extra columns.</param>
        /// <param name="options">Metadata columns, file name and waiting; defaults when null.</param>
        /// <param name="cancellationToken">Cancels the upload or the waiting (not an import already started).</param>
        /// <returns>The finished import; <see cref="AsyncAction.GetImportCsvResult"/> lists imported and rejected rows (<see cref="CustomersImportCsvResult.HasFailures"/>).</returns>
        /// <exception cref="AsyncActionFailedException">The import failed as a whole; <see cref="AsyncActionFailedException.Reason"/> says why.</exception>
        /// <exception cref="ArgumentException">A row has a metadata key that is not among <see cref="CustomerCsvImportOptions.MetadataColumns"/>, or a column is invalid.</exception>
        /// <exception cref="VoucherifyApiException">The upload or a poll failed.</exception>
        public static async Task<AsyncAction> ImportCustomersAsync(this ICustomersClient customers, IEnumerable<CustomersCreateRequestBody> rows, CustomerCsvImportOptions? options = null, CancellationToken cancellationToken = default)
        {
            if (customers is null) throw new ArgumentNullException(nameof(customers));
            if (rows is null) throw new ArgumentNullException(nameof(rows));
            options ??= new CustomerCsvImportOptions();
            var columns = options.MetadataColumns ?? CustomerCsv.CollectMetadataColumns(rows);

            // The writer fills the pipe while the HTTP content reads from it; the pipe's back-pressure keeps only a
            // small window of the file in memory. The writer stops when the upload ends, however it ends.
            var pipe = new Pipe();
            using var uploadEnded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            ExceptionDispatchInfo? writeError = null;
            var writing = Task.Run(async () =>
            {
                try
                {
                    using var destination = pipe.Writer.AsStream(leaveOpen: true);
                    await CustomerCsv.WriteAsync(rows, destination, columns, uploadEnded.Token).ConfigureAwait(false);
                    await pipe.Writer.CompleteAsync().ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    writeError = ExceptionDispatchInfo.Capture(exception);
                    await pipe.Writer.CompleteAsync(exception).ConfigureAwait(false);
                }
            });

            try
            {
                using var body = pipe.Reader.AsStream();
                var finished = await customers.ImportCustomersUsingCsvAndWaitAsync(body, options.FileName, options.WaitOptions, cancellationToken).ConfigureAwait(false);
                await writing.ConfigureAwait(false);
                return finished;
            }
            catch (Exception)
            {
                uploadEnded.Cancel();
                await writing.ConfigureAwait(false);
                // A row the writer rejected is the cause; the transport's error would only say that the body broke off.
                writeError?.Throw();
                throw;
            }
        }
    }
}
