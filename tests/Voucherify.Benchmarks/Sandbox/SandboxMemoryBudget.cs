using System.Globalization;
using Voucherify.Benchmarks.Budgets;

namespace Voucherify.Benchmarks.Sandbox;

/// <summary>
/// Issue 18 §3: the standalone sandbox under each hostile load, in a fresh process each. Measures its resident memory
/// (baseline, peak while the load runs, and <c>--settle-seconds</c> after it ended) and the time a normal GET takes
/// meanwhile. Budget: the peak is at most 256 MB above the baseline plus what the load stored (the memory still held
/// once it settled, for the one load that stores customers), and the GET's median is under 100 ms.
/// </summary>
internal static class SandboxMemoryBudget
{
    private const double GrowthBudgetMb = 256, LatencyBudgetMs = 100;

    public static async Task<bool> RunAsync(BudgetOptions options)
    {
        var scale = options.Number("scale", 1);
        var settle = TimeSpan.FromSeconds(options.Number("settle-seconds", 20));
        var loads = options.Text("loads", "unread-page,refused-bodies,metadata-bulk,unclosed-csv").Split(',');
        var environment = options.Text("env", "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
        var dll = options.Text("sandbox-dll", "") is { Length: > 0 } path ? Path.GetFullPath(path) : null;
        var work = Directory.CreateTempSubdirectory("sandbox-memory-");
        try
        {
            var seed = HostileLoads.WriteLargeCustomerSeed(work.FullName, (int)(500_000 * scale));
            var rows = new List<string>();
            var passed = true;
            foreach (var load in loads)
            {
                Func<StandaloneSandbox, Task<string>> run = load switch
                {
                    "unread-page" => s => HostileLoads.UnreadPagesAsync(s, 40, TimeSpan.FromSeconds(10)),
                    "read-page" => s => ReadPagesAsync(s, 10),
                    "refused-bodies" => s => HostileLoads.RefusedBodiesAsync(s, (int)(1000 * scale), 1024 * 1024),
                    "metadata-bulk" => s => HostileLoads.MetadataBulkAsync(s, (int)(4_300_000 * scale)),
                    "unclosed-csv" => s => HostileLoads.UnclosedQuoteCsvAsync(s, (long)(130_000_000 * scale)),
                    _ => throw new ArgumentException($"unknown load '{load}'"),
                };
                await using var sandbox = await StandaloneSandbox.StartAsync(dll, environment, "--seed", seed, "--job-duration-ms", "0");
                using (var warm = sandbox.Client())
                    for (var i = 0; i < 20; i++) await warm.GetStringAsync($"v1/customers/{HostileLoads.ProbeSourceId}");
                await Task.Delay(1000);
                var baseline = sandbox.ResidentBytes();
                string what;
                long peak;
                IReadOnlyList<double> latencies;
                await using (var probe = new LoadProbe(sandbox, $"v1/customers/{HostileLoads.ProbeSourceId}"))
                {
                    what = await run(sandbox);
                    peak = probe.PeakResidentBytes;
                    latencies = probe.LatenciesMs;
                }
                await Task.Delay(settle);
                var settled = sandbox.ResidentBytes();
                var stored = load == "metadata-bulk" ? Math.Max(0, settled - baseline) : 0;
                var growth = Mb(peak - baseline - stored);
                var median = latencies.Count == 0 ? double.NaN : Statistics.Median(latencies);
                var ok = growth <= GrowthBudgetMb && median < LatencyBudgetMs;
                passed &= ok;
                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {load} | {Mb(baseline):F0} | {Mb(peak):F0} | {Mb(stored):F0} | **{growth:F0}** | {Mb(settled):F0} | {median:F1} | {Percentile(latencies, 0.95):F1} | {Max(latencies):F0} | {latencies.Count} | {(ok ? "PASS" : "FAIL")} |"));
                Console.WriteLine($"  {load}: {what}");
            }
            Console.WriteLine();
            Console.WriteLine($"Standalone sandbox, resident memory in MB; GET of one small customer during the load in ms; settled = {settle.TotalSeconds:F0} s after the load");
            Console.WriteLine("| load | baseline | peak | stored | growth beyond stored | settled | GET median | GET p95 | GET max | GETs | verdict |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            foreach (var row in rows) Console.WriteLine(row);
            Console.WriteLine(passed ? "PASS" : $"FAIL: growth over {GrowthBudgetMb} MB or a GET median over {LatencyBudgetMs} ms");
            return passed;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Clients that read the large page, each once, at the same time.</summary>
    private static async Task<string> ReadPagesAsync(StandaloneSandbox sandbox, int clients)
    {
        using var http = sandbox.Client();
        var sizes = await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ => (await http.GetByteArrayAsync("v1/customers?limit=100")).LongLength));
        return $"{clients} clients read the 100-customer page ({sizes[0] / 1e6:F0} MB) at once";
    }

    private static double Mb(long bytes) => bytes / 1024.0 / 1024.0;

    private static double Percentile(IReadOnlyList<double> values, double p) =>
        values.Count == 0 ? double.NaN : values.Order().ElementAt((int)Math.Min(values.Count - 1, Math.Ceiling(p * values.Count) - 1));

    private static double Max(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Max();
}
