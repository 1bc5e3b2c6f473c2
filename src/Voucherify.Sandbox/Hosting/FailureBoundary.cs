using Microsoft.AspNetCore.Http;

namespace Voucherify.Sandbox.Hosting;

/// <summary>
/// Behind the request recorder: a request whose handling throws gets the API's error shape, never Kestrel's empty
/// default. A body that cannot be read completely (a <c>Content-Length</c> larger than what was sent, a malformed chunk,
/// a body slower than Kestrel's minimum data rate) is the API's 400 or 408; a client that has gone gets its connection
/// closed; anything else is a 500 in the error shape. Without this, the recorder's own catch (it journals what
/// arrived) left such a request answered 200 with an empty body, as if the write had happened.
/// </summary>
internal static class FailureBoundary
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            if (context.RequestAborted.IsCancellationRequested)
            {
                // Nobody is listening: close the connection rather than let an empty 200 go out.
                context.Abort();
                return;
            }
            context.Response.Clear();
            await (e switch
            {
                BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } bad => ApiErrors.BadRequestAsync(context, "invalid_payload", $"The request body cannot be read: {bad.Message}"),
                BadHttpRequestException bad => ApiErrors.StatusAsync(context, bad.StatusCode, $"The request body cannot be read: {bad.Message}"),
                _ => ApiErrors.StatusAsync(context, StatusCodes.Status500InternalServerError, $"The sandbox failed to handle this request ({e.GetType().Name}: {e.Message})."),
            });
        }
    }
}
