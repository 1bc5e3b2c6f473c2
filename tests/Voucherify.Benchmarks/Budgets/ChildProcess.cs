using System.Diagnostics;
using System.Text.Json;

namespace Voucherify.Benchmarks.Budgets;

/// <summary>
/// Runs a measurement in a fresh copy of this program, so that its peak working set is its own and not what
/// earlier measurements (or BenchmarkDotNet) left behind. The child prints one <c>RESULT {json}</c> line.
/// </summary>
internal static class ChildProcess
{
    private const string ResultPrefix = "RESULT ";

    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("The program's own path is unknown.");
        var info = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        // Started as `dotnet Voucherify.Benchmarks.dll`: the child needs the dll too.
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") info.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        info.ArgumentList.Add("budgets");
        foreach (var arg in args) info.ArgumentList.Add(arg);
        return info;
    }

    public static Task<T> RunAsync<T>(params string[] args) => RunAsync<T>(new Dictionary<string, string>(), args);

    /// <param name="environment">Extra environment variables for the child (e.g. GC settings).</param>
    /// <param name="args">The budget command and its arguments.</param>
    public static async Task<T> RunAsync<T>(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = StartInfo(args);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        string? result = null;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(ResultPrefix, StringComparison.Ordinal)) result = line.Substring(ResultPrefix.Length);
            else Console.WriteLine("  [child] " + line);
        }
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || result is null)
            throw new InvalidOperationException($"budgets {string.Join(' ', args)} exited with {process.ExitCode} and no result");
        return JsonSerializer.Deserialize<T>(result)!;
    }

    /// <summary>Called in the child: reports its result to the parent.</summary>
    public static void Report<T>(T result) => Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result));

    /// <summary>The most memory this process has held in RAM so far (VmHWM on Linux).</summary>
    public static long PeakWorkingSet()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.PeakWorkingSet64;
    }

    public static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
}
