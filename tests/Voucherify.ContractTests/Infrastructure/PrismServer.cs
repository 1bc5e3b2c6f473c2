using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Voucherify.ContractTests.Infrastructure;

/// <summary>
/// A Prism mock server serving the vendor's description on a free loopback port. Prism validates every request
/// against the description (422 with an <c>sl-violations</c> header when it does not conform) and answers with the
/// description's examples, or with data generated from the schemas when a request asks <c>Prefer: dynamic=true</c>.
/// </summary>
internal sealed class PrismServer : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PrismServer(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public static async Task<PrismServer> StartAsync(string prismExecutable, string description)
    {
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo(prismExecutable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "mock", "--host", "127.0.0.1", "--port", port.ToString(), description })
            start.ArgumentList.Add(argument);

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {prismExecutable}.");
        var server = new PrismServer(process, new Uri($"http://127.0.0.1:{port}"));
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Collect(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null) return;
            lock (server._output) server._output.AppendLine(e.Data);
            if (e.Data.Contains("Prism is listening", StringComparison.Ordinal)) listening.TrySetResult();
        }
        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(StartTimeout));
        if (first == listening.Task) return server;

        var reason = first == exited ? $"exited with code {process.ExitCode}" : $"was not listening after {StartTimeout.TotalSeconds} s";
        var output = server.Output;
        server.Dispose();
        throw new InvalidOperationException($"Prism {reason}. Its output:\n{output}");
    }

    /// <summary>Everything Prism printed so far (for failure messages).</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public bool HasExited => _process.HasExited;

    public void Dispose()
    {
        // The executable is a node script; kill the whole tree so no node process outlives the test run.
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
