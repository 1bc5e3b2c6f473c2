using System.Diagnostics;
using System.Reflection;

namespace Voucherify.SandboxTests;

/// <summary>
/// The built voucherify-sandbox tool (its own bin folder, as `dotnet run` or an installed tool runs it) as a real
/// process: standard output read line by line, standard error collected, killed with its children when disposed.
/// </summary>
internal sealed class ToolProcess : IDisposable
{
    /// <summary>How long any one step may take: generous, for a shared 2-core machine under load.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly Task<string> _error;

    private ToolProcess(Process process)
    {
        _process = process;
        _error = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The tool's entry assembly, embedded at build time by the test project (EmbedSandboxToolPath).</summary>
    public static string ToolPath { get; } = typeof(ToolProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "VoucherifySandboxTool").Value!;

    /// <summary>The dotnet host running these tests (set by `dotnet test`), or the one on the PATH.</summary>
    public static string DotnetHost { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    public int Id => _process.Id;

    /// <summary>Starts <c>voucherify-sandbox ARGS</c>.</summary>
    public static ToolProcess StartTool(params string[] args) => Start(DotnetHost, [ToolPath, .. args]);

    /// <summary>Starts any program, with the tool's launch-profile variable cleared so only the arguments decide.</summary>
    public static ToolProcess Start(string fileName, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("VOUCHERIFY_SANDBOX_EXIT_WITH_PARENT");
        return new ToolProcess(Process.Start(start)!);
    }

    /// <summary>The next line of standard output.</summary>
    /// <exception cref="EndOfStreamException">The process closed its output first.</exception>
    public async Task<string> ReadLineAsync() =>
        await _process.StandardOutput.ReadLineAsync().WaitAsync(Patience) ?? throw new EndOfStreamException($"no more output; stderr: {await _error}");

    /// <summary>Waits until every holder of the process's output and error has closed them, and it has exited.</summary>
    public async Task<(int ExitCode, string Output, string Error)> WaitForExitAsync()
    {
        var output = await _process.StandardOutput.ReadToEndAsync().WaitAsync(Patience);
        var error = await _error.WaitAsync(Patience);
        await _process.WaitForExitAsync().WaitAsync(Patience);
        return (_process.ExitCode, output, error);
    }

    /// <summary>Sends a signal by name (TERM, KILL) to this process only.</summary>
    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
