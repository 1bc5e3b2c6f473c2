namespace Voucherify.Sandbox.Customers;

/// <summary>
/// UTC timestamps that never repeat and never go backwards, at microsecond resolution (the precision the sandbox
/// writes). The <c>starting_after</c> cursor compares timestamps strictly, so two customers sharing one would be lost
/// between pages.
/// </summary>
internal sealed class SandboxClock
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;
    private readonly object _gate = new();
    private long _lastTicks;

    /// <summary>The current instant, for comparisons (not unique; use <see cref="Next"/> for a timestamp).</summary>
    public DateTimeOffset Now() => DateTimeOffset.UtcNow;

    public DateTimeOffset Next()
    {
        lock (_gate)
        {
            var now = DateTimeOffset.UtcNow.UtcTicks;
            now -= now % TicksPerMicrosecond;
            _lastTicks = Math.Max(now, _lastTicks + TicksPerMicrosecond);
            return new DateTimeOffset(_lastTicks, TimeSpan.Zero);
        }
    }
}
