namespace Voucherify.ReliabilityTests;

/// <summary>
/// Tests whose outcome depends on timing (attempt timeouts, measured cancellation latency) run alone, not next to the
/// CPU- and memory-heavy property tests, so a shared 2-core machine does not turn a GC pause into a failure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing-sensitive";
}
