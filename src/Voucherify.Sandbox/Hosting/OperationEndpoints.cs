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

    /// <summary>The descriptor of the operation the request was routed to.</summary>
    public static OperationDescriptor Of(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<OperationDescriptor>()
        ?? throw new InvalidOperationException("The request did not reach an operation's endpoint.");
}
