using System.Diagnostics;
using System.Globalization;
using System.Net;
using Voucherify.Benchmarks.Shared;

namespace Voucherify.Benchmarks.Budgets;

/// <summary>
/// 64 get-customer calls in flight at all times against a loopback Kestrel server in a child process (real sockets):
/// per round, the calls per second, and for this process alone (the server's CPU and allocations are another
/// process's, so they are excluded by construction) the CPU time per call and the bytes allocated per call. Rounds
/// alternate baseline and client so that both see the same background load; the ratios judged are the medians of the
/// per-round ratios. On a 2-core machine the server competes with the client for the cores, so the client's CPU per
/// call is what decides its throughput, and it is the steadier figure when other processes load the machine.
/// </summary>
internal static class ConcurrencyBudget
{
    /// <summary>Issue 23: at least the baseline's throughput, at no more CPU per call.</summary>
    private const double ThroughputTarget = 1.0;
    private const double CpuTarget = 1.0;
    private const double AllocationTarget = 1.10;

    private readonly record struct Round(double CallsPerSecond, double CpuMicrosPerCall, double BytesPerCall);

    public static async Task<bool> RunAsync(BudgetOptions options)
    {
        var concurrency = (int)options.Number("concurrency", 64);
        var seconds = options.Number("seconds", 5);
        var rounds = (int)options.Number("rounds", 9);

        await using var server = await LoopbackServer.StartAsync();
        // Both over a connection pool set up like the client's default one.
        using var client = new VoucherifyClient(BenchmarkClients.Options(server.BaseUri));
        using var raw = new RawVoucherifyApi(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = DecompressionMethods.All }) { BaseAddress = server.BaseUri },
            BenchmarkClients.ApplicationId, BenchmarkClients.SecretKey);
        Func<Task> clientCall = () => client.Customers.GetCustomerAsync(Payloads.CustomerId);
        Func<Task> rawCall = () => raw.GetCustomerAsync(Payloads.CustomerId);

        // Warm-up, alternating, until both sides (and the server) run tier-1 code over a full connection pool;
        // a first round measured cold was found to be 2-7x slower than the later ones.
        var warmup = TimeSpan.FromSeconds(options.Number("warmup-seconds", 3));
        for (var i = 0; i < 2; i++)
        {
            await MeasureAsync(rawCall, concurrency, warmup);
            await MeasureAsync(clientCall, concurrency, warmup);
        }

        var loadBefore = LoadAverage();
        var rawRounds = new List<Round>();
        var clientRounds = new List<Round>();
        var length = TimeSpan.FromSeconds(seconds);
        for (var round = 0; round < rounds; round++)
        {
            // Alternate which side goes first, so neither always runs right after the other's garbage and connections.
            if (round % 2 == 0) { rawRounds.Add(await MeasureAsync(rawCall, concurrency, length)); clientRounds.Add(await MeasureAsync(clientCall, concurrency, length)); }
            else { clientRounds.Add(await MeasureAsync(clientCall, concurrency, length)); rawRounds.Add(await MeasureAsync(rawCall, concurrency, length)); }
        }

        // Judged, like the overhead budget, on the median of the per-round ratios: the two halves of a round share the
        // machine's load of the moment, which swings more from round to round than the client differs from the baseline.
        double RatioOf(Func<Round, double> figure) => Statistics.Median(clientRounds.Select((c, i) => figure(c) / figure(rawRounds[i])));
        var throughput = RatioOf(r => r.CallsPerSecond);
        var cpu = RatioOf(r => r.CpuMicrosPerCall);
        var allocation = RatioOf(r => r.BytesPerCall);
        var passed = throughput >= ThroughputTarget && cpu <= CpuTarget && allocation <= AllocationTarget;

        var clock = ProcessCpuClock.IsCpuTime ? "client process CPU" : "wall clock (no process CPU clock here)";
        Console.WriteLine();
        Console.WriteLine($"{concurrency} concurrent get-customer calls against loopback Kestrel in a child process, {rounds} rounds of {seconds} s each; load average {loadBefore} before, {LoadAverage()} after");
        Console.WriteLine($"| round | hand-written calls/s | client calls/s | throughput ratio | hand-written µs/call ({clock}) | client µs/call | CPU ratio | hand-written B/call | client B/call | allocation ratio |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < rounds; i++)
        {
            var (r, c) = (rawRounds[i], clientRounds[i]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {i + 1} | {r.CallsPerSecond:N0} | {c.CallsPerSecond:N0} | {c.CallsPerSecond / r.CallsPerSecond:F2} | {r.CpuMicrosPerCall:F1} | {c.CpuMicrosPerCall:F1} | {c.CpuMicrosPerCall / r.CpuMicrosPerCall:F2} | {r.BytesPerCall:N0} | {c.BytesPerCall:N0} | {c.BytesPerCall / r.BytesPerCall:F2} |"));
        }
        double MedianOf(List<Round> side, Func<Round, double> figure) => Statistics.Median(side.Select(figure));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| median | {MedianOf(rawRounds, r => r.CallsPerSecond):N0} | {MedianOf(clientRounds, r => r.CallsPerSecond):N0} | | {MedianOf(rawRounds, r => r.CpuMicrosPerCall):F1} | {MedianOf(clientRounds, r => r.CpuMicrosPerCall):F1} | | {MedianOf(rawRounds, r => r.BytesPerCall):N0} | {MedianOf(clientRounds, r => r.BytesPerCall):N0} | |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"medians of the per-round ratios: throughput {throughput:F2} (target ≥ {ThroughputTarget:F2}), CPU per call {cpu:F2} (target ≤ {CpuTarget:F2}), allocation per call {allocation:F2} (target ≤ {AllocationTarget:F2})"));
        Console.WriteLine(passed ? "PASS" : "FAIL: a ratio misses its target");
        return passed;
    }

    /// <summary>One round: <paramref name="concurrency"/> loops calling until <paramref name="length"/> has passed.</summary>
    private static async Task<Round> MeasureAsync(Func<Task> call, int concurrency, TimeSpan length)
    {
        long calls = 0;
        // All threads of this process: the calls continue on pool threads. The CPU clock counts the GC's threads too, so
        // what the allocations cost in collections is in the CPU per call.
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = ProcessCpuClock.NowMicroseconds();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < length)
            {
                await call();
                Interlocked.Increment(ref calls);
            }
        });
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed.TotalSeconds;
        var cpu = ProcessCpuClock.NowMicroseconds() - cpuBefore;
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        return new Round(calls / elapsed, cpu / calls, (double)bytes / calls);
    }

    /// <summary>The 1-minute load average (Linux), to print beside the figures; "n/a" elsewhere.</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }
}
