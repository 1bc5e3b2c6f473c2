using System;
using System.Collections.Generic;
using System.Net.Http;

namespace Voucherify.Http
{
    /// <summary>
    /// The facts about one API operation that the handlers need, generated from the spec and its <c>x-voucherify-*</c>
    /// extensions (see <c>build/templates/Client.Class.liquid</c>) and attached to every request of that operation
    /// (<see cref="RequestState.SetOperation"/>), so no handler has to work them out from the URL or the body.
    /// </summary>
    internal sealed class OperationDescriptor
    {
        public OperationDescriptor(
            string id, string method, string route, ReplayClass replay, long? maxRequestBytes, IReadOnlyList<string> idParameters, string? requiredItems,
            IReadOnlyList<ParameterDescriptor>? queryParameters = null, Type? requestBody = null, Type? response = null, IReadOnlyList<CsvColumnDescriptor>? csvColumns = null)
        {
            Id = id;
            Method = method;
            Route = route;
            Replay = replay;
            MaxRequestBytes = maxRequestBytes;
            IdParameters = idParameters;
            RequiredItems = requiredItems;
            QueryParameters = queryParameters ?? Array.Empty<ParameterDescriptor>();
            RequestBody = requestBody;
            Response = response;
            CsvColumns = csvColumns ?? Array.Empty<CsvColumnDescriptor>();
            Name = method + " " + route;
            HttpMethod = new HttpMethod(method);
        }

        /// <summary>
        /// <see cref="Method"/> as the message's method, one instance per operation: the transport caches its encoded form
        /// on the instance, and no request allocates its own.
        /// </summary>
        public HttpMethod HttpMethod { get; }

        /// <summary>The spec's <c>operationId</c>, e.g. <c>get-customer</c>.</summary>
        public string Id { get; }

        /// <summary>The HTTP method, upper case.</summary>
        public string Method { get; }

        /// <summary>The path template from the spec, e.g. <c>/v1/customers/{customerId}</c>; never holds ids or query values.</summary>
        public string Route { get; }

        /// <summary>Method and route (<c>GET /v1/customers/{customerId}</c>): how messages, logs and traces name the operation.</summary>
        public string Name { get; }

        /// <summary><c>x-voucherify-replay</c>: whether a failed attempt may be sent again.</summary>
        public ReplayClass Replay { get; }

        /// <summary><c>x-voucherify-max-request-bytes</c>: the largest request body the API accepts; null when the client enforces none.</summary>
        public long? MaxRequestBytes { get; }

        /// <summary><c>x-voucherify-id-parameters</c>: the path parameters that are resource ids.</summary>
        public IReadOnlyList<string> IdParameters { get; }

        /// <summary>
        /// <c>x-voucherify-required-items</c>: the JSON array of the body that must not be empty (<c>$</c> for the body
        /// itself, or the name of a top-level member); null when there is none.
        /// </summary>
        public string? RequiredItems { get; }

        /// <summary>The query parameters the spec declares, in spec order (not the hand-encoded <c>x-voucherify-query-object</c>).</summary>
        public IReadOnlyList<ParameterDescriptor> QueryParameters { get; }

        /// <summary>
        /// The generated type of the JSON request body (for an array body, <c>IEnumerable&lt;T&gt;</c>); null when the
        /// operation sends none or a multipart form.
        /// </summary>
        public Type? RequestBody { get; }

        /// <summary>The generated type of the success response's body; null when it has none (a 204).</summary>
        public Type? Response { get; }

        /// <summary><c>x-voucherify-csv-columns</c>: the columns a CSV upload maps to customer members; empty for other operations.</summary>
        public IReadOnlyList<CsvColumnDescriptor> CsvColumns { get; }

        /// <summary>The body itself, as <see cref="RequiredItems"/> names it.</summary>
        public const string WholeBody = "$";

        public override string ToString() => Name;
    }
}
