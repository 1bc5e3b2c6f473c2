using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Voucherify.Sandbox.Hosting;

/// <summary>
/// What every request passes before reaching an endpoint: the simulated latency, the API key check (401, also for
/// the sandbox's own <c>/_sandbox/…</c> endpoints) and the rate limit (429 with <c>Retry-After</c> and the <c>X-Rate-Limit-*</c> headers).
/// </summary>
internal sealed class Gatekeeper(VoucherifySandboxOptions options, TimeProvider time)
{
    private readonly byte[] _applicationId = Encoding.UTF8.GetBytes(options.ApplicationId);
    private readonly byte[] _secretKey = Encoding.UTF8.GetBytes(options.SecretKey);
    private readonly FixedWindowRateLimit _rateLimit = new(options.RateLimit ?? SandboxRateLimitOptions.Generous);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var admin = AdminEndpoints.IsAdminPath(context.Request.Path);
        if (!admin && options.Latency > TimeSpan.Zero) await Task.Delay(options.Latency, time, context.RequestAborted);

        if (!Matches(context.Request.Headers["X-App-Id"], _applicationId) || !Matches(context.Request.Headers["X-App-Token"], _secretKey))
        {
            await ApiErrors.UnauthorizedAsync(context);
            return;
        }
        // The sandbox's own endpoints are not the API: no simulated latency or rate limit for them.
        if (admin)
        {
            await next(context);
            return;
        }

        // Like the service, every answer carries the X-Rate-Limit-* headers; without a configured limit it is a generous one.
        var now = time.GetUtcNow();
        var allowed = _rateLimit.TryAcquire(now, out var remaining, out var windowEnd);
        var headers = context.Response.Headers;
        headers["X-Rate-Limit-Limit"] = _rateLimit.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-Rate-Limit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        if (!allowed)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling((windowEnd - now).TotalSeconds));
            headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            // Whole Unix seconds, rounded up: a client that waits until then must find the window over, not a second short.
            var retryAt = (windowEnd.ToUnixTimeMilliseconds() + 999) / 1000;
            headers["X-Rate-Limit-Retry"] = retryAt.ToString(CultureInfo.InvariantCulture);
            headers["X-Rate-Limit-Type"] = "api_calls";
            await ApiErrors.TooManyRequestsAsync(context);
            return;
        }

        await next(context);
    }

    // Constant-time, so the sandbox does not teach a habit the real service would punish.
    private static bool Matches(string? presented, byte[] expected) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), expected);
}
