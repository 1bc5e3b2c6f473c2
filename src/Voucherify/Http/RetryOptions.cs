using System;

namespace Voucherify
{
    /// <summary>
    /// How <see cref="VoucherifyClient"/> repeats a request that failed for a transient reason: a connection failure,
    /// an attempt that timed out, or a 408, 429, 500, 502, 503 or 504 response. Set it on <see cref="VoucherifyClientOptions.Retry"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Only requests that are safe to send twice are repeated: GET, PUT and DELETE always; creating a customer only when
    /// the body carries an <c>id</c> or <c>source_id</c> (the API then updates instead of duplicating); the job-starting
    /// POSTs (CSV import, bulk and metadata updates) and other POSTs only when the connection was refused, so the request
    /// provably never reached the server. A CSV stream that cannot be rewound is never sent twice.
    /// </para>
    /// <para>
    /// Delays grow exponentially from <see cref="BaseDelay"/> up to <see cref="MaxDelay"/>, each randomised to between half
    /// and all of its nominal value so that many clients do not retry in step. When the server names a wait
    /// (<c>Retry-After</c>, or <c>X-Rate-Limit-Retry</c> on a 429) that wait is used instead; when it is longer than
    /// <see cref="MaxServerDelay"/> the call fails at once with the rate-limit details on the <see cref="VoucherifyApiException"/>.
    /// A 429 whose <c>X-Rate-Limit-Type</c> is <c>api_calls_cycle</c> (the billing-cycle quota) is never retried.
    /// </para>
    /// </remarks>
    public sealed class RetryOptions
    {
        /// <summary>
        /// How many times a request is sent at most, the first attempt included, whoever sends it: the client's own retries
        /// and those of a retrying handler you add below it (for example <c>AddStandardResilienceHandler()</c> on the
        /// <c>IHttpClientFactory</c> client of the DI package) share this budget. Default 3; 1 turns retries off.
        /// </summary>
        public int MaxAttempts { get; set; } = 3;

        /// <summary>
        /// Whether the client retries by itself. Default true. Set it to false when a retrying handler below the client
        /// (a Polly or Microsoft.Extensions.Http.Resilience pipeline added to the DI package's <c>IHttpClientFactory</c>
        /// client) owns retries: the client then sends each call's request once and leaves repeating it to that handler,
        /// which may send it up to <see cref="MaxAttempts"/> times in all, and only when it is safe to send again (the
        /// rules above still hold: a job-starting request that may have reached the server is not sent twice).
        /// </summary>
        public bool ClientRetries { get; set; } = true;

        /// <summary>The nominal delay before the first retry; each later retry doubles it. Default 500 ms.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>The cap on the nominal delay between attempts when the server names none. Default 10 seconds.</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>
        /// The longest wait the client accepts from a server's <c>Retry-After</c> or <c>X-Rate-Limit-Retry</c>. When the server
        /// asks for more, the call fails at once instead of sleeping. Default 30 seconds.
        /// </summary>
        public TimeSpan MaxServerDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Describes the settings.</summary>
        public override string ToString() =>
            $"RetryOptions {{ MaxAttempts = {MaxAttempts}, ClientRetries = {ClientRetries}, BaseDelay = {BaseDelay}, MaxDelay = {MaxDelay}, MaxServerDelay = {MaxServerDelay} }}";

        /// <summary>The first setting that cannot work; null when there is none.</summary>
        internal OptionsProblem? FindProblem()
        {
            if (MaxAttempts < 1) return OptionsProblem.OutOfRange(nameof(MaxAttempts), MaxAttempts, "must be at least 1 (1 turns retries off).");
            if (BaseDelay < TimeSpan.Zero) return OptionsProblem.OutOfRange(nameof(BaseDelay), BaseDelay, "must not be negative.");
            if (MaxDelay < BaseDelay) return OptionsProblem.OutOfRange(nameof(MaxDelay), MaxDelay, "must be at least BaseDelay.");
            if (MaxServerDelay < TimeSpan.Zero) return OptionsProblem.OutOfRange(nameof(MaxServerDelay), MaxServerDelay, "must not be negative.");
            return null;
        }

        /// <summary>A copy, so a running client is not affected by later changes to the options object.</summary>
        internal RetryOptions Clone() => (RetryOptions)MemberwiseClone();
    }
}
