using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Voucherify.Http;

namespace Voucherify.Sandbox.Hosting;

/// <summary>The error bodies the service sends, built from the generated error DTOs.</summary>
internal static class ApiErrors
{
    public static Task NotFoundAsync(HttpContext context, string resourceType, string resourceId) =>
        SandboxJson.WriteAsync(context, StatusCodes.Status404NotFound, new ErrorResponse
        {
            Code = 404,
            Key = "not_found",
            Message = "Resource not found",
            Details = $"Cannot find {resourceType} with id {resourceId}",
            RequestId = RequestIds.Of(context),
            ResourceId = resourceId,
            ResourceType = resourceType,
        });

    public static Task BadRequestAsync(HttpContext context, string key, string details) =>
        SandboxJson.WriteAsync(context, StatusCodes.Status400BadRequest, new ErrorResponse
        {
            Code = 400,
            Key = key,
            Message = key == "invalid_query_params" ? "Invalid query params" : "Invalid payload",
            Details = details,
            RequestId = RequestIds.Of(context),
        });

    public static Task UnauthorizedAsync(HttpContext context) =>
        SandboxJson.WriteAsync(context, StatusCodes.Status401Unauthorized, new ErrorResponse
        {
            Code = 401,
            Key = "unauthorized",
            Message = "Unauthorized",
            Details = "The X-App-Id and X-App-Token headers do not name a valid API key pair of this project.",
            RequestId = RequestIds.Of(context),
        });

    /// <summary>The gateway's 413, quoting the operation's limit (<c>x-voucherify-max-request-bytes</c>) as the service does.</summary>
    public static Task PayloadTooLargeAsync(HttpContext context, long maxRequestBytes) =>
        SandboxJson.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, new PayloadTooLargeError
        {
            StatusCode = 413,
            Error = "Request Entity Too Large",
            Message = $"Payload content length greater than maximum allowed: {maxRequestBytes}",
        });

    /// <summary>
    /// 501 naming what of the spec the sandbox has not implemented yet: an operation without a handler, or one of its
    /// query parameters that the request sent and the handler does not read.
    /// </summary>
    public static Task NotImplementedAsync(HttpContext context, OperationDescriptor operation, string? queryParameter = null) =>
        SandboxJson.WriteAsync(context, StatusCodes.Status501NotImplemented, new ErrorResponse
        {
            Code = 501,
            Key = "not_implemented",
            Message = "Not Implemented",
            Details = queryParameter is null
                ? $"The sandbox does not implement {operation.Id} ({operation.Name}) yet."
                : $"The sandbox does not implement the query parameter {queryParameter} of {operation.Id} ({operation.Name}) yet.",
            RequestId = RequestIds.Of(context),
        });

    /// <summary>A known path with a method it does not take: 405 with <c>Allow</c>, in the error shape.</summary>
    public static Task MethodNotAllowedAsync(HttpContext context, IReadOnlyList<string> allowed)
    {
        context.Response.Headers.Allow = string.Join(", ", allowed);
        return SandboxJson.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, new ErrorResponse
        {
            Code = 405,
            Key = "method_not_allowed",
            Message = "Method Not Allowed",
            Details = $"{context.Request.Method} is not allowed on {context.Request.Path}; use {string.Join(", ", allowed)}.",
            RequestId = RequestIds.Of(context),
        });
    }

    /// <summary>The error shape for any status, e.g. an injected 503: <c>{"code":503,"key":"service_unavailable",…}</c>.</summary>
    public static Task StatusAsync(HttpContext context, int statusCode, string details = "Injected by the sandbox.")
    {
        var reason = ReasonPhrases.GetReasonPhrase(statusCode);
        if (reason.Length == 0) reason = "Error";
        return SandboxJson.WriteAsync(context, statusCode, new ErrorResponse
        {
            Code = statusCode,
            Key = reason.ToLowerInvariant().Replace(' ', '_').Replace("-", ""),
            Message = reason,
            Details = details,
            RequestId = RequestIds.Of(context),
        });
    }

    public static Task TooManyRequestsAsync(HttpContext context) =>
        SandboxJson.WriteAsync(context, StatusCodes.Status429TooManyRequests, new RateLimitError
        {
            Code = 429,
            Message = "Too many requests hit the API too quickly.",
        });
}
