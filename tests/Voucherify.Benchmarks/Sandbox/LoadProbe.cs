using System.Diagnostics;

namespace Voucherify.Benchmarks.Sandbox;

/// <summary>
/// While a load runs: the sandbox's resident memory every 100 ms (its peak) and the time a normal GET of one small
/// customer takes, one after another on a connection of its own.
/// </summary>
internal sealed class LoadProbe : IAsyncDisposable
{
    private readonly StandaloneSandbox _sandbox;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<double> _latencies = [];
    private readonly Task _sampling, _probing;
    private long _peak;

    public LoadProbe(StandaloneSandbox sandbox, string probePath)
    {
        _sandbox = sandbox;
        _peak = sandbox.ResidentBytes();
        _sampling = SampleAsync();
        _probing = ProbeAsync(probePath);
    }

    public long PeakResidentBytes => Interlocked.Read(ref _peak);

    public IReadOnlyList<double> LatenciesMs
    {
        get { lock (_latencies) return _latencies.ToList(); }
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var now = _sandbox.ResidentBytes();
            if (now > Interlocked.Read(ref _peak)) Interlocked.Exchange(ref _peak, now);
            try { await Task.Delay(100, _stop.Token); } catch (OperationCanceledException) { }
        }
    }

    private async Task ProbeAsync(string path)
    {
        using var http = _sandbox.Client(timeout: TimeSpan.FromSeconds(60));
        while (!_stop.IsCancellationRequested)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                using var response = await http.GetAsync(path, _stop.Token);
                await response.Content.ReadAsByteArrayAsync(_stop.Token);
                response.EnsureSuccessStatusCode();
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            lock (_latencies) _latencies.Add(clock.Elapsed.TotalMilliseconds);
            try { await Task.Delay(50, _stop.Token); } catch (OperationCanceledException) { }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_sampling, _probing);
        _stop.Dispose();
    }
}
