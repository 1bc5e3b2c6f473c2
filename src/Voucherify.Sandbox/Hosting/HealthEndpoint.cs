using Microsoft.AspNetCore.Http;

namespace Voucherify.Sandbox.Hosting;

/// <summary>
/// <c>GET /_sandbox/health</c>: 200 <c>{"status":"ok"}</c> once the sandbox accepts requests, without credentials, so a
/// script or a container health check can wait for the standalone server without knowing its key pair. Answered
/// before the journal, the key check, the rate limit and the faults: it is never recorded, limited or failed.
/// </summary>
internal static class HealthEndpoint
{
    public const string Path = "/_sandbox/health";

    private static readonly byte[] Body = "{\"status\":\"ok\"}"u8.ToArray();

    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!request.Path.Equals(Path, StringComparison.Ordinal) || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
            return next(context);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = Body.Length;
        return HttpMethods.IsHead(request.Method) ? Task.CompletedTask : context.Response.Body.WriteAsync(Body, context.RequestAborted).AsTask();
    }
}
