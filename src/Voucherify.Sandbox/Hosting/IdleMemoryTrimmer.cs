namespace Voucherify.Sandbox.Hosting;

/// <summary>
/// For the standalone server only (never inside a test process, whose GC is its owner's): gives memory back once a
/// burst of work is over. The GC collects when allocations call for it, so after a burst (a large import, many large
/// requests) an idle server keeps its heap at the size the burst grew it to, for as long as it stays idle. Every
/// <see cref="Interval"/> this compares the working set with what it was after the last trim; once it has grown by
/// more than <see cref="GrowthBytes"/> and stopped growing, one aggressive, compacting full collection returns the
/// freed memory to the system. A steady load costs one such collection, not one per interval.
/// </summary>
internal sealed class IdleMemoryTrimmer : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    public const long GrowthBytes = 64 * 1024 * 1024;

    // Growth below this between two looks counts as "stopped growing".
    private const long SettledBytes = 16 * 1024 * 1024;

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public IdleMemoryTrimmer() => _loop = RunAsync(_stop.Token);

    private static async Task RunAsync(CancellationToken stop)
    {
        var trimmedAt = Environment.WorkingSet;
        var previous = trimmedAt;
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var now = Environment.WorkingSet;
                if (now > trimmedAt + GrowthBytes && now < previous + SettledBytes)
                {
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                    now = Environment.WorkingSet;
                    trimmedAt = now;
                }
                // A working set that shrank on its own is the new floor.
                trimmedAt = Math.Min(trimmedAt, now);
                previous = now;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
