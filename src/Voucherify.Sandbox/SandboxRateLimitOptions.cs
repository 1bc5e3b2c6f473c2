namespace Voucherify.Sandbox;

/// <summary>
/// A fixed-window request limit for the sandbox: at most <see cref="PermitLimit"/> requests per <see cref="Window"/>,
/// counted across all clients. Requests over the limit get 429 with <c>Retry-After</c> and the <c>X-Rate-Limit-*</c> headers.
/// </summary>
public sealed class SandboxRateLimitOptions
{
    /// <summary>Requests allowed in one window. Default 100.</summary>
    public int PermitLimit { get; set; } = 100;

    /// <summary>The window's length; <c>Retry-After</c> says how many whole seconds remain of it. Default 1 minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The limit when none is configured: 100 000 requests a minute, so the headers are always there and tests rarely meet it.</summary>
    internal static SandboxRateLimitOptions Generous { get; } = new() { PermitLimit = 100_000, Window = TimeSpan.FromMinutes(1) };

    internal void Validate()
    {
        if (PermitLimit < 1) throw new ArgumentOutOfRangeException(nameof(PermitLimit), PermitLimit, "The permit limit must be at least 1.");
        if (Window <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(Window), Window, "The window must be positive.");
    }
}
