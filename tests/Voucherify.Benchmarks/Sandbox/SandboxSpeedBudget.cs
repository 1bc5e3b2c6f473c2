using System.Diagnostics;
using System.Globalization;
using Voucherify.Benchmarks.Budgets;
using Voucherify.Benchmarks.Shared;
using Voucherify.Sandbox;
using WireMock.Server;

namespace Voucherify.Benchmarks.Sandbox;

/// <summary>
/// Issue 18 §6: is the sandbox fast enough to be the default test double? Requests a second over HTTP/1.1 against the
/// sandbox and a WireMock.Net 1.25.0 stub serving the same bodies statically (both in one child process), for GET of
/// one customer and the page of 100, at 1 and 16 connections; rounds alternate which double goes first and the ratio
/// judged is the median of the per-round ratios (target ≥ 1.0). Then <see cref="VoucherifySandbox.StartAsync"/> (with
/// its dispose) repeated in this process: p50 ≤ 30 ms, with WireMock's start beside it.
/// </summary>
internal static class SandboxSpeedBudget
{
    private const double TargetRatio = 1.0, StartBudgetMs = 30;

    public static async Task<bool> RunAsync(BudgetOptions options)
    {
        var seconds = options.Number("seconds", 3);
        var rounds = (int)options.Number("rounds", 7);
        var connections = options.Integers("connections", "1,16");
        var starts = (int)options.Number("starts", 40);
        var passed = true;

        var doubles = await DoublesProcess.StartAsync();
        await using (doubles)
        {
            Console.WriteLine($"bodies: one customer {doubles.Bodies[0]} bytes, page of 100 {doubles.Bodies[1]} bytes");
            Console.WriteLine();
            Console.WriteLine($"Requests a second, HTTP/1.1, {rounds} rounds of {seconds} s each (after a warm-up), doubles in a child process");
            Console.WriteLine("| request | connections | sandbox (median) | WireMock.Net (median) | median of per-round ratios | rounds (sandbox/WireMock) | server CPU µs a request, sandbox / WireMock | verdict |");
            Console.WriteLine("|---|---:|---:|---:|---:|---|---:|---|");
            var requests = options.Text("requests", "get,list").Split(',');
            foreach (var (name, path) in new[] { ("get one customer", TestDoubles.GetPath), ("list 100", TestDoubles.ListPath) }.Where(r => requests.Contains(r.Item1.Split(' ')[0])))
            {
                foreach (var n in connections)
                {
                    using var sandbox = Client(doubles.Sandbox, n);
                    using var wireMock = Client(doubles.WireMock, n);
                    // Long enough for both doubles to reach tier-1 code under load: shorter warm-ups measured JIT, not the double.
                    var warm = TimeSpan.FromSeconds(options.Number("warmup-seconds", 6));
                    await MeasureAsync(sandbox, path, n, warm, doubles);
                    await MeasureAsync(wireMock, path, n, warm, doubles);
                    var (sandboxRates, wireMockRates, sandboxCpu, wireMockCpu) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
                    for (var round = 0; round < rounds; round++)
                    {
                        var length = TimeSpan.FromSeconds(seconds);
                        for (var side = 0; side < 2; side++)
                        {
                            // Alternate which double goes first, so neither always follows the other's garbage.
                            var measureSandbox = side == round % 2;
                            var (rate, cpu) = await MeasureAsync(measureSandbox ? sandbox : wireMock, path, n, length, doubles);
                            (measureSandbox ? sandboxRates : wireMockRates).Add(rate);
                            (measureSandbox ? sandboxCpu : wireMockCpu).Add(cpu);
                        }
                    }
                    var ratio = Statistics.Median(sandboxRates.Select((rate, i) => rate / wireMockRates[i]));
                    var ok = ratio >= TargetRatio;
                    passed &= ok;
                    var perRound = string.Join(", ", sandboxRates.Select((rate, i) => string.Create(CultureInfo.InvariantCulture, $"{rate:F0}/{wireMockRates[i]:F0}")));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {name} | {n} | {Statistics.Median(sandboxRates):F0} | {Statistics.Median(wireMockRates):F0} | **{ratio:F2}** | {perRound} | {Statistics.Median(sandboxCpu):F0} / {Statistics.Median(wireMockCpu):F0} | {(ok ? "PASS" : "FAIL")} |"));
                }
            }
        }

        var (sandboxStart, wireMockStart) = await StartTimesAsync(starts);
        var cold = new List<FirstStarts>();
        for (var i = 0; i < (int)options.Number("cold-starts", 5); i++) cold.Add(await ChildProcess.RunAsync<FirstStarts>(FirstStartCommand));
        var startOk = Statistics.Median(sandboxStart) <= StartBudgetMs;
        passed &= startOk;
        Console.WriteLine();
        Console.WriteLine($"Start and stop, {starts} times each, alternating, in this process (ms)");
        Console.WriteLine("| double | start p50 | start p90 | verdict |");
        Console.WriteLine("|---|---:|---:|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| VoucherifySandbox.StartAsync | **{Statistics.Median(sandboxStart):F1}** | {Percentile(sandboxStart, 0.9):F1} | {(startOk ? "PASS" : "FAIL")} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| WireMockServer.Start | {Statistics.Median(wireMockStart):F1} | {Percentile(wireMockStart, 0.9):F1} | |"));
        Console.WriteLine();
        Console.WriteLine($"The first start in a fresh process (loading and JIT included), {cold.Count} processes (ms; not judged)");
        Console.WriteLine("| double | first start, median | each |");
        Console.WriteLine("|---|---:|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| VoucherifySandbox.StartAsync | {Statistics.Median(cold.Select(c => c.SandboxMs)):F0} | {string.Join(", ", cold.Select(c => c.SandboxMs.ToString("F0", CultureInfo.InvariantCulture)))} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| WireMockServer.Start | {Statistics.Median(cold.Select(c => c.WireMockMs)):F0} | {string.Join(", ", cold.Select(c => c.WireMockMs.ToString("F0", CultureInfo.InvariantCulture)))} |"));
        Console.WriteLine(passed ? "PASS" : $"FAIL: a throughput ratio below {TargetRatio} or a start p50 over {StartBudgetMs} ms");
        return passed;
    }

    private static HttpClient Client(Uri baseUri, int connections)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseProxy = false }) { BaseAddress = baseUri };
        http.DefaultRequestVersion = System.Net.HttpVersion.Version11;
        http.DefaultRequestHeaders.Add("X-App-Id", BenchmarkClients.ApplicationId);
        http.DefaultRequestHeaders.Add("X-App-Token", BenchmarkClients.SecretKey);
        return http;
    }

    /// <summary>
    /// <paramref name="connections"/> callers, each one request at a time, for <paramref name="length"/>: requests a
    /// second, and the doubles' process CPU time per request (which the machine's other load does not inflate).
    /// </summary>
    private static async Task<(double Rate, double CpuMicroseconds)> MeasureAsync(HttpClient http, string path, int connections, TimeSpan length, DoublesProcess doubles)
    {
        long calls = 0;
        var cpuBefore = doubles.CpuTime();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            var buffer = new byte[64 * 1024];
            while (clock.Elapsed < length)
            {
                using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                await using var body = await response.Content.ReadAsStreamAsync();
                while (await body.ReadAsync(buffer) > 0) { }
                Interlocked.Increment(ref calls);
            }
        }));
        return (calls / clock.Elapsed.TotalSeconds, (doubles.CpuTime() - cpuBefore).TotalMicroseconds / calls);
    }

    private static async Task<(List<double> Sandbox, List<double> WireMock)> StartTimesAsync(int starts)
    {
        var sandbox = new List<double>();
        var wireMock = new List<double>();
        // The first of each pays for loading and JIT: not counted (the p50 is of a test suite's later starts).
        for (var i = -2; i < starts; i++)
        {
            var clock = Stopwatch.StartNew();
            await using (await VoucherifySandbox.StartAsync()) { if (i >= 0) sandbox.Add(clock.Elapsed.TotalMilliseconds); }
            clock.Restart();
            var server = WireMockServer.Start();
            if (i >= 0) wireMock.Add(clock.Elapsed.TotalMilliseconds);
            server.Stop();
            server.Dispose();
        }
        return (sandbox, wireMock);
    }

    public const string FirstStartCommand = "child-first-start";

    /// <summary>Called in a fresh child process: the first sandbox start, then the first WireMock start, each timed.</summary>
    public static async Task RunFirstStartChildAsync()
    {
        var clock = Stopwatch.StartNew();
        await using (await VoucherifySandbox.StartAsync()) { }
        var sandbox = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var server = WireMockServer.Start();
        var wireMock = clock.Elapsed.TotalMilliseconds;
        server.Stop();
        ChildProcess.Report(new FirstStarts(sandbox, wireMock));
    }

    public sealed record FirstStarts(double SandboxMs, double WireMockMs);

    private static double Percentile(List<double> values, double p) =>
        values.Order().ElementAt((int)Math.Min(values.Count - 1, Math.Ceiling(p * values.Count) - 1));

    /// <summary>The child process serving both doubles.</summary>
    private sealed class DoublesProcess(Process process, Uri sandbox, Uri wireMock, int[] bodies) : IAsyncDisposable
    {
        public Uri Sandbox => sandbox;
        public Uri WireMock => wireMock;
        public int[] Bodies => bodies;

        /// <summary>The child's CPU time so far (user and system, from /proc/PID/stat; 10 ms ticks).</summary>
        public TimeSpan CpuTime()
        {
            var stat = File.ReadAllText($"/proc/{process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After the name: state is field 3, so utime (14) and stime (15) are at 11 and 12 here.
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromMilliseconds(ticks * 10);
        }

        public static async Task<DoublesProcess> StartAsync()
        {
            var process = Process.Start(ChildProcess.StartInfo(TestDoubles.ChildCommand))!;
            Uri? sandbox = null, wireMock = null;
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                var parts = line.Split(' ');
                if (parts[0] == "SANDBOX") sandbox = new Uri(parts[1]);
                else if (parts[0] == "WIREMOCK") wireMock = new Uri(parts[1]);
                else if (parts[0] == "BODIES")
                    return new DoublesProcess(process, sandbox!, wireMock!, [int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture)]);
            }
            throw new InvalidOperationException("the test doubles did not start");
        }

        public async ValueTask DisposeAsync()
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(10_000)) process.Kill();
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }
}
