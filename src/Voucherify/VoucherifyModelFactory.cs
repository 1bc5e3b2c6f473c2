using System;

namespace Voucherify
{
    /// <summary>
    /// Creates the client types your own tests cannot build with <c>new</c> (exceptions and rate-limit state), so a fake
    /// client can fail the way the real one does. Every model (customers, lists, async actions) has public setters and
    /// needs no factory.
    /// </summary>
    public static class VoucherifyModelFactory
    {
        /// <summary>The exception <see cref="AsyncActionsClient.WaitForCompletionAsync"/> throws when a job outlasts the wait.</summary>
        /// <param name="asyncActionId">The id of the job waited for.</param>
        /// <param name="lastSeen">The job's state at the last poll; null when no poll was answered before the deadline.</param>
        /// <param name="timeout">The wait timeout that ran out.</param>
        /// <returns>The exception, ready to throw.</returns>
        public static AsyncActionTimeoutException AsyncActionTimeoutException(string asyncActionId, AsyncAction? lastSeen, TimeSpan timeout) =>
            new AsyncActionTimeoutException(asyncActionId ?? throw new ArgumentNullException(nameof(asyncActionId)), lastSeen, timeout);

        /// <summary>The exception the import and batch helpers (and <see cref="AsyncAction.ThrowIfFailed"/>) throw when a job ends <c>FAILED</c>.</summary>
        /// <param name="failedAction">The failed job; set its <see cref="AsyncAction.Status"/> to <c>FAILED</c> and its result's <c>message</c> to the reason.</param>
        /// <param name="summary">For a batch helper: all the jobs it waited for; null for a single job.</param>
        /// <returns>The exception, ready to throw.</returns>
        public static AsyncActionFailedException AsyncActionFailedException(AsyncAction failedAction, CustomersBulkUpdateSummary? summary = null) =>
            new AsyncActionFailedException(failedAction ?? throw new ArgumentNullException(nameof(failedAction)), summary);

        /// <summary>The exception a call throws when it ran out of time (see <see cref="VoucherifyClientOptions.CallTimeout"/> and <see cref="VoucherifyClientOptions.AttemptTimeout"/>).</summary>
        /// <param name="operation">Method and route, e.g. <c>GET /v1/customers/{customerId}</c>.</param>
        /// <param name="scope">Whether an attempt or the whole call ran out of time.</param>
        /// <param name="timeout">The limit that was exceeded.</param>
        /// <param name="attempts">How many attempts were started.</param>
        /// <returns>The exception, ready to throw.</returns>
        public static VoucherifyTimeoutException VoucherifyTimeoutException(string operation, VoucherifyTimeoutScope scope, TimeSpan timeout, int attempts) =>
            new VoucherifyTimeoutException(operation ?? throw new ArgumentNullException(nameof(operation)), scope, timeout, attempts);

        /// <summary>The exception a call throws when the network failed and no retry succeeded.</summary>
        /// <param name="operation">Method and route, e.g. <c>POST /v1/customers/bulk/async</c>.</param>
        /// <param name="attempts">How many attempts were made.</param>
        /// <param name="requestMayHaveReachedServer">Whether the last attempt may have reached the server.</param>
        /// <param name="innerException">The transport's failure.</param>
        /// <returns>The exception, ready to throw.</returns>
        public static VoucherifyNetworkException VoucherifyNetworkException(string operation, int attempts, bool requestMayHaveReachedServer, Exception innerException) =>
            new VoucherifyNetworkException(
                operation ?? throw new ArgumentNullException(nameof(operation)), attempts, requestMayHaveReachedServer, replayAllowed: false,
                innerException ?? throw new ArgumentNullException(nameof(innerException)));

        /// <summary>The exception a bulk call throws when its body is over the API's 10 MB limit.</summary>
        /// <param name="operation">Method and route, e.g. <c>POST /v1/customers/bulk/async</c>.</param>
        /// <param name="payloadBytes">The size of the body.</param>
        /// <returns>The exception, ready to throw.</returns>
        public static VoucherifyPayloadTooLargeException VoucherifyPayloadTooLargeException(string operation, long payloadBytes) =>
            new VoucherifyPayloadTooLargeException(operation ?? throw new ArgumentNullException(nameof(operation)), payloadBytes, Http.BulkPayload.MaxBytes, "body");

        /// <summary>The exception a call throws when a response body is larger than <see cref="VoucherifyClientOptions.MaxResponseBytes"/>.</summary>
        /// <param name="operation">Method and route, e.g. <c>GET /v1/customers</c>.</param>
        /// <param name="limitBytes">The limit that was exceeded.</param>
        /// <param name="declaredBytes">The <c>Content-Length</c> the response declared, when that alone was over the limit.</param>
        /// <returns>The exception, ready to throw.</returns>
        public static VoucherifyResponseTooLargeException VoucherifyResponseTooLargeException(string operation, long limitBytes, long? declaredBytes = null) =>
            new VoucherifyResponseTooLargeException(operation ?? throw new ArgumentNullException(nameof(operation)), limitBytes, declaredBytes);

        /// <summary>The exception a call throws when a caller's <see cref="System.Net.Http.HttpClient"/> followed a redirect to another origin.</summary>
        /// <param name="operation">Method and route, e.g. <c>GET /v1/customers/{customerId}</c>.</param>
        /// <param name="expectedOrigin">The origin of <see cref="VoucherifyClientOptions.BaseUri"/>.</param>
        /// <param name="redirectedTo">The origin that answered instead.</param>
        /// <returns>The exception, ready to throw.</returns>
        public static VoucherifyRedirectException VoucherifyRedirectException(string operation, Uri expectedOrigin, Uri redirectedTo) =>
            new VoucherifyRedirectException(
                operation ?? throw new ArgumentNullException(nameof(operation)),
                expectedOrigin ?? throw new ArgumentNullException(nameof(expectedOrigin)),
                redirectedTo ?? throw new ArgumentNullException(nameof(redirectedTo)));

        /// <summary>Rate-limit state as <see cref="VoucherifyClient.RateLimit"/> reports it.</summary>
        /// <param name="limit">Calls the window allows.</param>
        /// <param name="remaining">Calls left in the window.</param>
        /// <param name="retryAt">When the next call is allowed.</param>
        /// <param name="retryAfter">The wait the server asked for.</param>
        /// <param name="limitType">Which limit was hit, e.g. <c>api_calls</c>.</param>
        /// <param name="observedAt">When the values were received.</param>
        /// <returns>The rate-limit state.</returns>
        public static RateLimitInfo RateLimitInfo(long? limit = null, long? remaining = null, DateTimeOffset? retryAt = null, TimeSpan? retryAfter = null, string? limitType = null, DateTimeOffset observedAt = default) =>
            Voucherify.RateLimitInfo.Create(limit, remaining, retryAt, retryAfter, limitType, observedAt);
    }
}
