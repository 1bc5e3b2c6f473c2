using System;

namespace Voucherify
{
    /// <summary>Which limit a <see cref="VoucherifyTimeoutException"/> reports.</summary>
    public enum VoucherifyTimeoutScope
    {
        /// <summary>Every attempt ran longer than <see cref="VoucherifyClientOptions.AttemptTimeout"/> (or the last one did and the request could not be repeated).</summary>
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
        internal VoucherifyTimeoutException(string operation, VoucherifyTimeoutScope scope, TimeSpan timeout, int attempts)
            : base(Describe(operation, scope, timeout, attempts), innerException: null)
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

        private static string Describe(string operation, VoucherifyTimeoutScope scope, TimeSpan timeout, int attempts)
        {
            var what = scope == VoucherifyTimeoutScope.Call
                ? $"did not complete within the call timeout of {timeout.TotalSeconds:0.###} s (VoucherifyClientOptions.CallTimeout)"
                : $"timed out: no complete response within the attempt timeout of {timeout.TotalSeconds:0.###} s (VoucherifyClientOptions.AttemptTimeout)";
            return $"{operation} {what} after {Http.OperationName.Attempts(attempts)}.";
        }
    }
}
