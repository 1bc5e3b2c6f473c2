using Microsoft.AspNetCore.Http;
using Voucherify.Http;

namespace Voucherify.Sandbox.Hosting;

/// <summary>
/// Binds an operation's descriptor to its handler. The query is parsed before the handler runs, so that a query
/// parameter the spec declares and the request sends, but the sandbox does not read, is a 501 naming it instead of a
/// filter silently ignored. Whether an invalid query is reported before or after the resource is looked up stays the
/// handler's choice (it receives the problem, if any).
/// </summary>
internal static class OperationHandler
{
    /// <summary>An operation the sandbox answers without reading any query parameter.</summary>
    public static KeyValuePair<OperationDescriptor, RequestDelegate> For(OperationDescriptor operation, RequestDelegate handle) =>
        new(operation, operation.QueryParameters.Count == 0 ? handle : context =>
        {
            var reader = new QueryReader(context.Request.Query, operation);
            return reader.SentButUnread() is { } name ? ApiErrors.NotImplementedAsync(context, operation, name) : handle(context);
        });

    /// <summary>
    /// An operation whose query <paramref name="parse"/> reads; <paramref name="handle"/> gets the parsed query, or null
    /// and the problem (for the 400) when a parameter is invalid.
    /// </summary>
    public static KeyValuePair<OperationDescriptor, RequestDelegate> For<TQuery>(
        OperationDescriptor operation, Func<QueryReader, TQuery?> parse, Func<HttpContext, TQuery?, string?, Task> handle) where TQuery : class =>
        new(operation, context =>
        {
            var reader = new QueryReader(context.Request.Query, operation);
            var query = parse(reader);
            return reader.SentButUnread() is { } name
                ? ApiErrors.NotImplementedAsync(context, operation, name)
                : handle(context, query, reader.Problem);
        });
}
