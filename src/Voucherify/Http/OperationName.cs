using System.Net.Http;

namespace Voucherify.Http
{
    /// <summary>
    /// Names a request for messages, logs and traces by its operation's descriptor: method plus path template
    /// (<c>GET /v1/customers/{customerId}</c>). Ids are customer data (a <c>source_id</c> is often an e-mail address) and
    /// the query may carry filters, so neither is ever part of the name.
    /// </summary>
    internal static class OperationName
    {
        /// <summary>Stands for the route of a request the generated clients did not build (it has no descriptor).</summary>
        private const string UnknownRoute = "(unknown operation)";

        /// <param name="request">The request.</param>
        public static string Of(HttpRequestMessage request) =>
            RequestState.GetOperation(request)?.Name ?? request.Method.Method + " " + UnknownRoute;

        /// <summary>The path template alone (<c>/v1/customers/{customerId}</c>), for trace and metric tags and log properties.</summary>
        /// <param name="request">The request.</param>
        public static string Route(HttpRequestMessage request) => RequestState.GetOperation(request)?.Route ?? UnknownRoute;

        /// <summary>"1 attempt", "3 attempts": for messages.</summary>
        public static string Attempts(int attempts) => attempts == 1 ? "1 attempt" : attempts + " attempts";
    }
}
