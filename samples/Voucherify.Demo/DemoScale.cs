namespace Voucherify.Demo;

/// <summary>How big the walk is and how it marks and cleans up what it creates, per target.</summary>
internal sealed record DemoScale(string SourceIdPrefix, int ImportRows, int MaxListPages, bool CleanUp, AsyncActionWaitOptions Waiting)
{
    /// <summary>The in-process sandbox: a few hundred rows, short polls, nothing to clean up (it dies with the process).</summary>
    public static DemoScale Sandbox { get; } = new("demo-", 300, 4, CleanUp: false, new AsyncActionWaitOptions
    {
        InitialDelay = TimeSpan.FromMilliseconds(100),
        MaxDelay = TimeSpan.FromMilliseconds(250),
        Timeout = TimeSpan.FromMinutes(1),
    });

    /// <summary>A real project: few rows, unmistakable source_ids, everything permanently deleted at the end.</summary>
    public static DemoScale RealApi { get; } = new($"voucherify-net-demo-{DateTime.UtcNow:yyyyMMddHHmmss}-", 20, 2, CleanUp: true, new AsyncActionWaitOptions
    {
        Timeout = TimeSpan.FromMinutes(10),
    });
}
