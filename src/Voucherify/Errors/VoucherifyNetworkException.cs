using System;
using System.Net.Http;

namespace Voucherify
{
    /// <summary>
    /// The request could not be completed because of a network failure (connection refused or reset, response cut short)
    /// that retrying did not cure, or that could not be retried safely. <see cref="Exception.InnerException"/> holds the
    /// original failure (usually an <see cref="HttpRequestException"/>).
    /// </summary>
    public sealed class VoucherifyNetworkException : VoucherifyException
    {
        internal VoucherifyNetworkException(string operation, int attempts, bool mayHaveReachedServer, bool replayAllowed, Exception innerException)
            : base(Describe(operation, attempts, mayHaveReachedServer, replayAllowed, innerException), innerException)
        {
            Operation = operation;
            Attempts = attempts;
            RequestMayHaveReachedServer = mayHaveReachedServer;
        }

        /// <summary>The request's method and path template, e.g. <c>POST /v1/customers/bulk/async</c> (never ids or query values).</summary>
        public string Operation { get; }

        /// <summary>How many attempts were made.</summary>
        public int Attempts { get; }

        /// <summary>
        /// False only when the last attempt provably never reached the server (the connection was refused or the host not
        /// found). When true, a job-starting request may have started its job: look for it among the async actions before
        /// sending it again.
        /// </summary>
        public bool RequestMayHaveReachedServer { get; }

        private static string Describe(string operation, int attempts, bool mayHaveReachedServer, bool replayAllowed, Exception inner)
        {
            var text = $"{operation} failed after {Http.OperationName.Attempts(attempts)}: {inner.Message}";
            if (mayHaveReachedServer && !replayAllowed)
                text += " The request may have reached the server, and it is not safe to send twice, so it was not repeated.";
            return text;
        }
    }
}
