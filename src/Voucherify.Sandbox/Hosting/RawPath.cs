using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Voucherify.Sandbox.Hosting;

/// <summary>
/// The path of the request target exactly as the client sent it (still percent-encoded, dot segments kept), from an
/// origin-form target (<c>/v1/customers/a%2Fb?limit=1</c>) or an absolute-form one
/// (<c>http://host/v1/customers/a%2Fb</c>). Kestrel's <c>Request.Path</c> has been decoded and normalised; ids are read
/// from this one, so that an encoded <c>/</c> stays part of an id.
/// </summary>
internal static class RawPath
{
    public static string Of(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target)) return context.Request.Path.Value ?? "";
        var end = target.IndexOfAny(['?', '#']);
        var path = end < 0 ? target : target[..end];
        if (path.StartsWith('/')) return path;
        // Absolute form: the path starts at the first '/' after "scheme://authority".
        var scheme = path.IndexOf("://", StringComparison.Ordinal);
        var slash = scheme < 0 ? -1 : path.IndexOf('/', scheme + 3);
        return slash < 0 ? "/" : path[slash..];
    }

    /// <summary>
    /// Whether a segment of the raw path is a dot segment (<c>.</c> or <c>..</c>, also percent-encoded), which Kestrel
    /// has already resolved in <c>Request.Path</c>: the routed path then names another resource than the raw one.
    /// </summary>
    public static bool HasDotSegments(string rawPath)
    {
        foreach (var segment in rawPath.Split('/'))
        {
            if (segment.Length is 0 or > 6) continue;   // "%2E%2E", six characters, is the longest spelling of ".."
            if (Uri.UnescapeDataString(segment) is "." or "..") return true;
        }
        return false;
    }
}
