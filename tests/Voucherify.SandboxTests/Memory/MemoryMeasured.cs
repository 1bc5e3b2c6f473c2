namespace Voucherify.SandboxTests.Memory;

/// <summary>
/// Tests that bound the process's allocations: they run alone (no other test allocating meanwhile), so that
/// <see cref="GC.GetTotalAllocatedBytes"/> counts the sandbox's work for them and nothing else.
/// </summary>
[CollectionDefinition(nameof(MemoryMeasured), DisableParallelization = true)]
public sealed class MemoryMeasured;
