using Microsoft.AspNetCore.Diagnostics;

namespace Voucherify.AspNetCore;

/// <summary>
/// Turns the library's failures into problem details: the API's own 4xx pass through (404 stays 404), a job that
/// failed as a whole is 422 with its reason, anything else from Voucherify is a 502. The Voucherify request id goes
/// along, so support can find the call; the secret key is never in an exception, so nothing here can leak it.
/// </summary>
public sealed class VoucherifyExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, requestId) = exception switch
        {
            VoucherifyApiException { StatusCode: >= 400 and < 500 } api => (api.StatusCode, api.Key ?? "voucherify_error", api.ApiMessage, api.RequestId),
            AsyncActionFailedException failed => (StatusCodes.Status422UnprocessableEntity, "async_action_failed", failed.Reason, null),
            VoucherifyException other => (StatusCodes.Status502BadGateway, "voucherify_unavailable", other.Message, (other as VoucherifyApiException)?.RequestId),
            _ => (0, null, null, null),
        };
        if (status == 0) return false;

        httpContext.Response.StatusCode = status;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail };
        if (requestId != null) problem.Extensions["voucherifyRequestId"] = requestId;
        if (exception is AsyncActionFailedException job) problem.Extensions["asyncActionId"] = job.AsyncActionId;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
