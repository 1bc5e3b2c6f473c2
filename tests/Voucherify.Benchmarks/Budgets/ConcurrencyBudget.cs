using System.Diagnostics;
using System.Globalization;
using System.Net;
using Voucherify.Benchmarks.Shared;

namespace Voucherify.Benchmarks.Budgets;

/// <summary>
/// 64 get-customer calls in flight at all times against a loopback Kestrel server (in a child process): the client's
/// throughput must be at least 0.95x the hand-written baseline's. Rounds alternate baseline and client so that both
/// see the same background load; the ratio judged is the median of the per-round ratios.
/// </summary>
internal static class ConcurrencyBudget
{
    private const double TargetRatio = 0.95;

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

        var rawRates = new List<double>();
        var clientRates = new List<double>();
        var length = TimeSpan.FromSeconds(seconds);
        for (var round = 0; round < rounds; round++)
        {
            // Alternate which side goes first, so neither always runs right after the other's garbage and connections.
            if (round % 2 == 0) { rawRates.Add(await MeasureAsync(rawCall, concurrency, length)); clientRates.Add(await MeasureAsync(clientCall, concurrency, length)); }
            else { clientRates.Add(await MeasureAsync(clientCall, concurrency, length)); rawRates.Add(await MeasureAsync(rawCall, concurrency, length)); }
        }

        // Judged, like the overhead budget, on the median of the per-round ratios: the two halves of a round share the
        // machine's load of the moment, which swings more from round to round than the client differs from the baseline.
        var ratio = Statistics.Median(clientRates.Select((rate, i) => rate / rawRates[i]));
        var passed = ratio >= TargetRatio;
        Console.WriteLine();
        Console.WriteLine($"{concurrency} concurrent get-customer calls against loopback Kestrel, {rounds} rounds of {seconds} s each (calls/s)");
        Console.WriteLine("| round | hand-written | client | client / hand-written |");
        Console.WriteLine("|---:|---:|---:|---:|");
        for (var i = 0; i < rounds; i++)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {i + 1} | {rawRates[i]:N0} | {clientRates[i]:N0} | {clientRates[i] / rawRates[i]:F2} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| median | {Statistics.Median(rawRates):N0} | {Statistics.Median(clientRates):N0} | {Statistics.Median(clientRates) / Statistics.Median(rawRates):F2} (median over median) |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median of the per-round ratios: {ratio:F2}"));
        Console.WriteLine(passed ? "PASS" : $"FAIL: throughput ratio below {TargetRatio}");
        return passed;
    }

    private static async Task<double> MeasureAsync(Func<Task> call, int concurrency, TimeSpan length)
    {
        long calls = 0;
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
        return calls / clock.Elapsed.TotalSeconds;
    }
}
