using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Voucherify.Benchmarks.Sandbox;

/// <summary>
/// The standalone sandbox (the voucherify-sandbox tool's <c>Voucherify.Sandbox.Tool.dll</c> built beside this program, with its own runtimeconfig and
/// so its own GC settings) in a child process on a free port, with its resident memory read from <c>/proc</c>.
/// </summary>
internal sealed partial class StandaloneSandbox : IAsyncDisposable
{
    public const string ApplicationId = "sandbox-app-id", SecretKey = "sandbox-secret-key";

    private readonly Process _process;

    private StandaloneSandbox(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    /// <param name="dll">The sandbox to run; null for the one built beside this program (another build, e.g. an older one, to compare).</param>
    /// <param name="environment">Extra environment variables (e.g. <c>DOTNET_GCConserveMemory</c>).</param>
    /// <param name="args">Command-line arguments after <c>--port 0</c>.</param>
    public static async Task<StandaloneSandbox> StartAsync(string? dll, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll ?? Path.Combine(AppContext.BaseDirectory, "Voucherify.Sandbox.Tool.dll"));
        foreach (var arg in new[] { "--port", "0" }.Concat(args)) info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        var process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (Address().Match(line) is not { Success: true } address) continue;
            // Keep draining its output, so that it never blocks on a full pipe.
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            return new StandaloneSandbox(process, new Uri(address.Value.TrimEnd('/') + "/"));
        }
        throw new InvalidOperationException("The sandbox exited before it listened: " + await process.StandardError.ReadToEndAsync());
    }

    /// <summary>The process's resident set (VmRSS), in bytes.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        throw new InvalidOperationException("no VmRSS");
    }

    /// <summary>A client with its own connections and the sandbox's key pair (or <paramref name="secret"/>).</summary>
    public HttpClient Client(string secret = SecretKey, TimeSpan? timeout = null)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = BaseUri, Timeout = timeout ?? TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("X-App-Id", ApplicationId);
        http.DefaultRequestHeaders.Add("X-App-Token", secret);
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/?")]
    private static partial Regex Address();
}
