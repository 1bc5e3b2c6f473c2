using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Voucherify
{
    /// <summary>
    /// <see cref="VoucherifyClient"/> as an interface: depend on it (or on <see cref="ICustomersClient"/> and
    /// <see cref="IAsyncActionsClient"/>) to replace the API with a fake in your own tests.
    /// </summary>
    public interface IVoucherifyClient : IDisposable
    {
        /// <summary>The options the client was created with.</summary>
        VoucherifyClientOptions Options { get; }

        /// <summary>Customers: create, get, update, delete, list, activity, redeemables, segments, CSV import and bulk updates.</summary>
        ICustomersClient Customers { get; }

        /// <summary>Status of the server-side jobs started by imports and bulk updates, and waiting for them to finish.</summary>
        IAsyncActionsClient AsyncActions { get; }

        /// <inheritdoc cref="VoucherifyClient.RateLimit"/>
        RateLimitInfo? RateLimit { get; }
    }

    // The hand-written helpers of the generated clients, on their interfaces too, so a fake can stand in for them.

    public partial interface ICustomersClient
    {
        /// <inheritdoc cref="CustomersClient.ImportCustomersFromCsvAsync(Stream, string, CancellationToken)"/>
        Task<AsyncActionStarted> ImportCustomersFromCsvAsync(Stream csv, string fileName, CancellationToken cancellationToken = default);

        /// <inheritdoc cref="CustomersClient.ImportCustomersFromCsvAsync(string, CancellationToken)"/>
        Task<AsyncActionStarted> ImportCustomersFromCsvAsync(string filePath, CancellationToken cancellationToken = default);

        /// <inheritdoc cref="CustomersClient.ImportCustomersFromCsvAndWaitAsync(string, AsyncActionWaitOptions, CancellationToken)"/>
        Task<AsyncAction> ImportCustomersFromCsvAndWaitAsync(string filePath, AsyncActionWaitOptions? waitOptions = null, CancellationToken cancellationToken = default);

        /// <inheritdoc cref="CustomersClient.ImportCustomersFromCsvAndWaitAsync(Stream, string, AsyncActionWaitOptions, CancellationToken)"/>
        Task<AsyncAction> ImportCustomersFromCsvAndWaitAsync(Stream csv, string fileName, AsyncActionWaitOptions? waitOptions = null, CancellationToken cancellationToken = default);
    }

    /// <summary>The async-actions API as an interface, so code that uses it can be tested with a fake.</summary>
    public partial interface IAsyncActionsClient
    {
        /// <inheritdoc cref="AsyncActionsClient.WaitForCompletionAsync"/>
        Task<AsyncAction> WaitForCompletionAsync(string asyncActionId, AsyncActionWaitOptions? options = null, CancellationToken cancellationToken = default);
    }
}
