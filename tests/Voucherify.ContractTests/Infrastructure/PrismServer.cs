using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

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
    private const int KeptOutputLines = 200;
    private readonly Queue<string> _output = new();

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
        // Errors only: at the default level Prism logs every request and every violation of the vendor's own
        // examples, which would bury its errors in the output kept for failure messages.
        foreach (var argument in new[] { "mock", "--host", "127.0.0.1", "--port", port.ToString(), "--verboseLevel", "error", description })
            start.ArgumentList.Add(argument);

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {prismExecutable}.");
        var server = new PrismServer(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += server.Collect;
        process.ErrorDataReceived += server.Collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (!await IsListeningAsync(port))
        {
            if (process.HasExited || deadline.Elapsed > StartTimeout)
            {
                var reason = process.HasExited ? $"exited with code {process.ExitCode}" : $"was not listening after {StartTimeout.TotalSeconds} s";
                var output = server.Output;
                server.Dispose();
                throw new InvalidOperationException($"Prism {reason}. Its output:\n{output}");
            }
            await Task.Delay(200);
        }
        return server;
    }

    /// <summary>The last lines Prism printed (for failure messages).</summary>
    public string Output
    {
        get { lock (_output) return string.Join("\n", _output); }
    }

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

    private void Collect(object sender, DataReceivedEventArgs e)
    {
        if (e.Data is null) return;
        lock (_output)
        {
            _output.Enqueue(e.Data);
            if (_output.Count > KeptOutputLines) _output.Dequeue();
        }
    }

    private static async Task<bool> IsListeningAsync(int port)
    {
        using var probe = new TcpClient();
        try
        {
            await probe.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
