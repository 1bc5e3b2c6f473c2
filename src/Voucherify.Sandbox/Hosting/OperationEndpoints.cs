using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Voucherify.Http;

namespace Voucherify.Sandbox.Hosting;

/// <summary>
/// Serves every operation of the spec. Route, method and endpoint name (the operation id, which the journal and faults
/// use) come from the client's generated descriptors; only the handlers are written by hand, keyed by descriptor. The
/// descriptor travels with the endpoint, so a handler reads its query and body limits from it rather than repeating them.
/// </summary>
internal static class OperationEndpoints
{
    /// <summary>
    /// Maps each operation of <see cref="OperationCatalog.All"/> to its handler; one without a handler (an operation
    /// added to the spec) answers 501 in the error shape, naming it, and <c>SandboxRouteTests</c> fails.
    /// </summary>
    public static void Map(IEndpointRouteBuilder routes, IReadOnlyDictionary<OperationDescriptor, RequestDelegate> handlers)
    {
        foreach (var operation in OperationCatalog.All)
        {
            var handler = handlers.GetValueOrDefault(operation) ?? (context => ApiErrors.NotImplementedAsync(context, operation));
            routes.MapMethods(operation.Route, [operation.Method], handler).WithName(operation.Id).WithMetadata(operation);
        }
    }

    /// <summary>
    /// The operation's id parameter (<c>x-voucherify-id-parameters</c>, e.g. <c>{customerId}</c>), taken from the raw
    /// request target at the route template's position of that parameter and percent-decoded exactly once: Kestrel
    /// leaves <c>%2F</c> encoded in route values but decodes <c>%25</c>, so decoding a route value would turn a sent
    /// <c>%252F</c> into <c>/</c> instead of <c>%2F</c>. The raw path has the routed path's segments, since
    /// <see cref="DotSegmentGuard"/> refused any target with dot segments.
    /// </summary>
    public static string Id(HttpContext context)
    {
        var operation = Of(context);
        var parameter = operation.IdParameters.Count == 1
            ? operation.IdParameters[0]
            : throw new InvalidOperationException($"{operation.Id} does not name exactly one id parameter.");
        var position = Array.IndexOf(operation.Route.Split('/'), "{" + parameter + "}");
        var segments = RawPath.Of(context).Split('/');
        return position > 0 && position < segments.Length
            ? Uri.UnescapeDataString(segments[position])
            : (string)context.Request.RouteValues[parameter]!;
    }

    /// <summary>The descriptor of the operation the request was routed to.</summary>
    public static OperationDescriptor Of(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<OperationDescriptor>()
        ?? throw new InvalidOperationException("The request did not reach an operation's endpoint.");
}
