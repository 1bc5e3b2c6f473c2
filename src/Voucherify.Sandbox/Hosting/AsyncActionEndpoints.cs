using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Voucherify.Sandbox.Jobs;

namespace Voucherify.Sandbox.Hosting;

/// <summary>The async-action status endpoint.</summary>
internal static class AsyncActionEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, AsyncActionQueue jobs) =>
        routes.MapGet("/v1/async-actions/{asyncActionId}", async context =>
        {
            var id = (string)context.Request.RouteValues["asyncActionId"]!;
            if (jobs.Get(id) is { } action) await SandboxJson.WriteAsync(context, StatusCodes.Status200OK, action);
            else await ApiErrors.NotFoundAsync(context, "async_action", id);
        }).WithName("get-async-action");
}
