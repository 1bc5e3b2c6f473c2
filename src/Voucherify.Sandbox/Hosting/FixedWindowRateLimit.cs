namespace Voucherify.Sandbox.Hosting;

/// <summary>Counts requests in fixed windows, as the service's per-minute plan limits do.</summary>
internal sealed class FixedWindowRateLimit(SandboxRateLimitOptions options)
{
    private readonly object _gate = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _used;

    public int Limit => options.PermitLimit;

    /// <summary>Takes one permit if one is left; always reports what remains and when the window ends.</summary>
    public bool TryAcquire(DateTimeOffset now, out int remaining, out DateTimeOffset windowEnd)
    {
        lock (_gate)
        {
            if (now >= _windowStart + options.Window)
            {
                _windowStart = now;
                _used = 0;
            }
            windowEnd = _windowStart + options.Window;
            var allowed = _used < options.PermitLimit;
            if (allowed) _used++;
            remaining = options.PermitLimit - _used;
            return allowed;
        }
    }
}
