namespace Voucherify.ReliabilityTests;

/// <summary>
/// Tests that measure the process's peak memory run alone: another test allocating at the same time would be counted
/// as theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryCollection
{
    public const string Name = "Memory-measuring";
}
