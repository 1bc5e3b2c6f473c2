using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Voucherify.Sandbox.Hosting;

/// <summary>
/// The sandbox's own limits on the request target and headers, answered in the API's error shape: a target over
/// 8 KiB (a 10 000-character id, a 100 KB query) is a 414, headers over 32 KiB or more than 100 of them a 431. They are
/// Kestrel's default limits; Kestrel itself is given <see cref="ProtocolLimit"/> times as much (<see cref="Raise"/>),
/// so that what it would have refused with an empty body reaches this middleware instead. Only requests beyond those
/// raised limits, or malformed at the protocol level, still get Kestrel's empty answer.
/// </summary>
internal static class RequestSizeLimits
{
    /// <summary>The longest request target (path and query, as sent) the sandbox serves.</summary>
    public const int MaxTargetBytes = 8 * 1024;

    /// <summary>The most header bytes (names, values and their separators) the sandbox serves.</summary>
    public const int MaxHeaderBytes = 32 * 1024;

    /// <summary>The most headers the sandbox serves.</summary>
    public const int MaxHeaderCount = 100;

    /// <summary>How many times the sandbox's limits Kestrel accepts before refusing a request on its own.</summary>
    public const int ProtocolLimit = 32;

    /// <summary>Raises Kestrel's request-line and header limits above the sandbox's own.</summary>
    public static void Raise(KestrelServerLimits limits)
    {
        limits.MaxRequestLineSize = MaxTargetBytes * ProtocolLimit;
        limits.MaxRequestHeadersTotalSize = MaxHeaderBytes * ProtocolLimit;
        limits.MaxRequestHeaderCount = MaxHeaderCount * ProtocolLimit;
    }

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        if (target.Length > MaxTargetBytes)
        {
            await Refuse(context, StatusCodes.Status414UriTooLong, $"The request target is {target.Length} characters long; the limit is {MaxTargetBytes}.");
            return;
        }
        var (count, bytes) = (0, 0L);
        foreach (var (name, values) in context.Request.Headers)
        {
            foreach (var value in values)
            {
                count++;
                bytes += name.Length + 2 + (value?.Length ?? 0) + 2;   // "Name: value\r\n"
            }
        }
        if (count > MaxHeaderCount || bytes > MaxHeaderBytes)
        {
            await Refuse(context, StatusCodes.Status431RequestHeaderFieldsTooLarge,
                $"The request has {count} headers of {bytes} bytes in all; the limits are {MaxHeaderCount} headers and {MaxHeaderBytes} bytes.");
            return;
        }
        await next(context);
    }

    private static Task Refuse(HttpContext context, int statusCode, string details)
    {
        // No operation is served: the journal and the fault injector see none.
        context.SetEndpoint(null);
        return ApiErrors.StatusAsync(context, statusCode, details);
    }
}
