using System;

namespace Voucherify
{
    /// <summary>Which limit a <see cref="VoucherifyTimeoutException"/> reports.</summary>
    public enum VoucherifyTimeoutScope
    {
        /// <summary>
        /// Every attempt ran longer than <see cref="VoucherifyClientOptions.AttemptTimeout"/> (or the last one did and the
        /// request could not be repeated), or than a timeout below the client that fired first: the
        /// <see cref="System.Net.Http.HttpClient.Timeout"/> of an <see cref="System.Net.Http.HttpClient"/> you gave the client,
        /// or the attempt timeout of a resilience handler; the message names the one that fired.
        /// </summary>
        Attempt,

        /// <summary>The call as a whole, retries included, ran longer than <see cref="VoucherifyClientOptions.CallTimeout"/>.</summary>
        Call,
    }

    /// <summary>
    /// A call took longer than the client's timeouts allow. This is not a cancellation: your
    /// <see cref="System.Threading.CancellationToken"/> was not cancelled (that throws <see cref="OperationCanceledException"/>).
    /// </summary>
    /// <remarks>
    /// The request may have reached the server. For a request that starts a job (CSV import, bulk or metadata update),
    /// look for the job among the async actions before sending it again.
    /// </remarks>
    public sealed class VoucherifyTimeoutException : VoucherifyException
    {
        /// <param name="operation">The operation's name.</param>
        /// <param name="scope">Attempt or call.</param>
        /// <param name="timeout">The limit that fired.</param>
        /// <param name="attempts">The requests sent.</param>
        /// <param name="limit">What fired, when not the client's own option, e.g. "the Timeout of 0.5 s of the HttpClient given to the client (HttpClient.Timeout)".</param>
        internal VoucherifyTimeoutException(string operation, VoucherifyTimeoutScope scope, TimeSpan timeout, int attempts, string? limit = null)
            : base(Describe(operation, scope, timeout, attempts, limit), innerException: null)
        {
            Operation = operation;
            Scope = scope;
            Timeout = timeout;
            Attempts = attempts;
        }

        /// <summary>The request's method and path template, e.g. <c>GET /v1/customers/{customerId}</c> (never ids or query values).</summary>
        public string Operation { get; }

        /// <summary>Whether a single attempt or the whole call ran out of time.</summary>
        public VoucherifyTimeoutScope Scope { get; }

        /// <summary>The limit that was exceeded.</summary>
        public TimeSpan Timeout { get; }

        /// <summary>How many attempts were started before giving up.</summary>
        public int Attempts { get; }

        /// <summary>A limit for messages: "0.001", "30".</summary>
        internal static string Seconds(TimeSpan timeout) => timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

        private static string Describe(string operation, VoucherifyTimeoutScope scope, TimeSpan timeout, int attempts, string? limit)
        {
            var what = scope == VoucherifyTimeoutScope.Call
                ? $"did not complete within the call timeout of {Seconds(timeout)} s (VoucherifyClientOptions.CallTimeout)"
                : $"timed out: no complete response within {limit ?? $"the attempt timeout of {Seconds(timeout)} s (VoucherifyClientOptions.AttemptTimeout)"}";
            return $"{operation} {what} after {Http.OperationName.Attempts(attempts)}.";
        }
    }
}
