using Microsoft.AspNetCore.Http;
using Voucherify.Http;
using Voucherify.Sandbox.Jobs;

namespace Voucherify.Sandbox.Hosting;

/// <summary>The async-action status endpoint.</summary>
internal static class AsyncActionEndpoints
{
    public static IEnumerable<KeyValuePair<OperationDescriptor, RequestDelegate>> Handlers(AsyncActionQueue jobs) =>
    [
        OperationHandler.For(AsyncActionsClient.Operations.GetAsyncAction, context => GetAsync(context, jobs)),
    ];

    private static async Task GetAsync(HttpContext context, AsyncActionQueue jobs)
    {
        var id = OperationEndpoints.Id(context);
        if (jobs.Get(id) is { } action) await SandboxJson.WriteAsync(context, StatusCodes.Status200OK, action);
        else await ApiErrors.NotFoundAsync(context, "async_action", id);
    }
}
