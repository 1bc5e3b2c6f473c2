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
        public static async Task<AsyncAction> ImportCustomersAsync(this ICustomersClient customers, IEnumerable<CustomerCreateOptions> rows, CustomerCsvImportOptions? options = null, CancellationToken cancellationToken = default)
        {
            if (customers is null) throw new ArgumentNullException(nameof(customers));
            if (rows is null) throw new ArgumentNullException(nameof(rows));
            options ??= new CustomerCsvImportOptions();
            var columns = options.MetadataColumns ?? CustomerCsv.CollectMetadataColumns(rows);

            // The writer fills the pipe while the HTTP content reads from it; the pipe's back-pressure keeps only a
            // small window of the file in memory. The writer stops when the upload ends, however it ends.
            var pipe = new Pipe();
            using var stopWriting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var writing = Task.Run(() => WriteRowsAsync(rows, columns, pipe.Writer, stopWriting.Token));

            AsyncAction finished;
            try
            {
                using (var body = pipe.Reader.AsStream())
                    finished = await customers.ImportCustomersFromCsvAndWaitAsync(body, options.FileName, options.WaitOptions, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // A row the writer rejected is the cause: the transport's error would only say that the body broke off.
                // Anything else (the API's answer, a timeout, the caller's cancellation) is reported as it is, never
                // the writer's cancellation by this method.
                (await StopAsync(writing, stopWriting).ConfigureAwait(false))?.Throw();
                throw;
            }
            // A server may answer before reading the whole body; the rest of the rows has nowhere to go.
            await StopAsync(writing, stopWriting).ConfigureAwait(false);
            return finished;
        }

        /// <summary>Writes the CSV into the pipe and completes it; returns what made a row unwritable, if anything did.</summary>
        /// <remarks>
        /// A cancellation is not a rejection: it is either this method stopping the writer (the upload is over) or the
        /// caller's, which the upload reports itself.
        /// </remarks>
        private static async Task<ExceptionDispatchInfo?> WriteRowsAsync(IEnumerable<CustomerCreateOptions> rows, IReadOnlyList<string> columns, PipeWriter writer, CancellationToken cancellationToken)
        {
            try
            {
                using (var destination = writer.AsStream(leaveOpen: true))
                    await CustomerCsv.WriteAsync(rows, destination, columns, cancellationToken).ConfigureAwait(false);
                await writer.CompleteAsync().ConfigureAwait(false);
                return null;
            }
            catch (Exception exception)
            {
                await writer.CompleteAsync(exception).ConfigureAwait(false);
                return exception is OperationCanceledException && cancellationToken.IsCancellationRequested ? null : ExceptionDispatchInfo.Capture(exception);
            }
        }

        private static async Task<ExceptionDispatchInfo?> StopAsync(Task<ExceptionDispatchInfo?> writing, CancellationTokenSource stopWriting)
        {
            stopWriting.Cancel();
            return await writing.ConfigureAwait(false);
        }
    }
}
