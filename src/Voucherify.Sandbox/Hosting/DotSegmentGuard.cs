using Microsoft.AspNetCore.Http;

namespace Voucherify.Sandbox.Hosting;

/// <summary>
/// Refuses a request whose target has dot segments (<c>DELETE /v1/customers/victim/../other</c> from a client that does
/// not normalise paths) with the API's 404, before any endpoint or fault sees it. Kestrel routes such a request by its
/// normalised path (<c>/v1/customers/other</c>) while the id is read from the raw one (<c>victim</c>), so acting on it
/// would touch another resource than the one routed; a server that does not normalise would find no route for it.
/// </summary>
internal static class DotSegmentGuard
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = RawPath.Of(context);
        if (!RawPath.HasDotSegments(path))
        {
            await next(context);
            return;
        }
        // No operation was requested: the journal and the fault injector see none.
        context.SetEndpoint(null);
        await ApiErrors.NotFoundAsync(context, "endpoint", $"{context.Request.Method} {path}");
    }
}
