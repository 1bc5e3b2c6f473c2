using System;
using System.Net.Http;
using System.Runtime.ExceptionServices;

namespace Voucherify.Http
{
    /// <summary>
    /// An outcome after which the request may not be sent again, carried up through the handlers between the library and
    /// the transport as an exception none of them knows, so that a retrying handler there (a Polly pipeline added to the
    /// <c>IHttpClientFactory</c> client) passes it on instead of sending the request once more. <see cref="AttemptHandler"/>
    /// takes it back: the response becomes the attempt's answer, the failure the attempt's failure.
    /// </summary>
    /// <remarks>
    /// Only a transient answer (408, 429, 5xx) or a failure is carried this way, and only when no further send is allowed:
    /// the request's replay class forbids it (a job-starting POST that may have reached the server, a stream that cannot
    /// be read twice) or the call has sent <see cref="RetryOptions.MaxAttempts"/> requests. Handlers see every other
    /// answer as usual.
    /// </remarks>
    internal sealed class FinalOutcomeException : Exception
    {
        private const string Explanation =
            "Voucherify: this outcome is final, the request must not be sent again (its replay class or RetryOptions.MaxAttempts forbids it). " +
            "A handler between the Voucherify client and its transport should let this exception pass; the client turns it back into the answer or failure it carries.";

        public FinalOutcomeException(HttpResponseMessage response)
            : base(Explanation)
        {
            Response = response;
        }

        public FinalOutcomeException(Exception failure)
            : base(Explanation, failure)
        {
        }

        /// <summary>The answer that ended the sending, when it was an answer.</summary>
        public HttpResponseMessage? Response { get; }

        /// <summary>The answer carried, or the failure carried rethrown with its original stack trace.</summary>
        public HttpResponseMessage Unwrap()
        {
            if (Response != null) return Response;
            ExceptionDispatchInfo.Capture(InnerException!).Throw();
            throw InnerException!; // not reached
        }
    }
}
