using System.Diagnostics;
using System.Runtime;

namespace Voucherify.ReliabilityTests;

/// <summary>The process's peak resident memory around a piece of work, from the kernel's high-water mark.</summary>
internal static class PeakMemory
{
    private const string Status = "/proc/self/status";

    /// <summary>
    /// Settles the heap, resets the kernel's high-water mark (Linux: <c>5</c> into <c>/proc/self/clear_refs</c>) and
    /// returns the resident memory now, the baseline. Elsewhere the peak cannot be reset, so the baseline is the peak so
    /// far and only growth beyond it counts.
    /// </summary>
    public static long Baseline()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        if (!File.Exists(Status)) return Peak();
        File.WriteAllText("/proc/self/clear_refs", "5");
        return ReadKilobytes("VmRSS:") * 1024;
    }

    /// <summary>The highest resident memory since <see cref="Baseline"/>.</summary>
    public static long Peak()
    {
        if (File.Exists(Status)) return ReadKilobytes("VmHWM:") * 1024;
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    private static long ReadKilobytes(string field)
    {
        var line = File.ReadLines(Status).First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line.Substring(field.Length).Trim().Split(' ')[0]);
    }
}
