namespace Voucherify.Sandbox.Customers;

/// <summary>
/// UTC timestamps that never repeat and never go backwards, at microsecond resolution (the precision the sandbox
/// writes). The <c>starting_after</c> cursor compares timestamps strictly, so two customers sharing one would be lost
/// between pages. Reads <see cref="Time"/>, the sandbox's <see cref="TimeProvider"/>, so tests can control it.
/// </summary>
internal sealed class SandboxClock(TimeProvider time)
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;
    private readonly object _gate = new();
    private long _lastTicks;

    /// <summary>The current instant, for comparisons (not unique; use <see cref="Next"/> for a timestamp).</summary>
    public DateTimeOffset Now() => time.GetUtcNow();

    /// <summary>The time source behind the clock, for delays and timers.</summary>
    public TimeProvider Time => time;

    public DateTimeOffset Next()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow().UtcTicks;
            now -= now % TicksPerMicrosecond;
            _lastTicks = Math.Max(now, _lastTicks + TicksPerMicrosecond);
            return new DateTimeOffset(_lastTicks, TimeSpan.Zero);
        }
    }
}
