using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Voucherify.Benchmarks.Budgets;

/// <summary>
/// CPU time consumed by this process, all threads (Linux: CLOCK_PROCESS_CPUTIME_ID, nanosecond resolution). On a
/// machine with more runnable threads than cores, wall-clock time per call mostly measures the wait for a core; the
/// process's own CPU time does not. All threads, because async file reads continue on pool threads. Elsewhere it
/// falls back to the wall clock.
/// </summary>
internal static partial class ProcessCpuClock
{
    private const int ClockProcessCpuTimeId = 2;

    public static bool IsCpuTime { get; } = OperatingSystem.IsLinux() && TryRead(out _);

    /// <summary>Microseconds on this process's CPU clock (or the wall clock where that is not available).</summary>
    public static double NowMicroseconds() =>
        IsCpuTime && TryRead(out var micros) ? micros : Stopwatch.GetTimestamp() * 1e6 / Stopwatch.Frequency;

    private static bool TryRead(out double micros)
    {
        micros = 0;
        if (clock_gettime(ClockProcessCpuTimeId, out var time) != 0) return false;
        micros = time.Seconds * 1e6 + time.Nanoseconds / 1e3;
        return true;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", SetLastError = false)]
    private static partial int clock_gettime(int clockId, out TimeSpec time);
}
