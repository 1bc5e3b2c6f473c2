using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Voucherify.ReliabilityTests;

/// <summary>
/// Every operation against every fault, on a real Kestrel server over loopback. Checks the targets: no hangs, only the
/// documented exception types, every call that can succeed does so within its retry budget, no job started twice, and
/// the secret key only ever in the X-App-Token header.
/// </summary>
[Collection(TimingCollection.Name)]
public class FaultInjectionTests
{
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(20);

    private static readonly Fault[] TransientOnce =
    {
        Fault.RefusedOnce, Fault.ResetBeforeResponseOnce, Fault.ResetMidResponseOnce, Fault.TruncatedBodyOnce,
        Fault.Status500Once, Fault.Status502Once, Fault.Status503Once, Fault.RateLimitedRetryAfterOnce, Fault.SlowOnce,
    };

    private sealed record Cell(Fault Fault, SampleCall Operation, Exception? Error, bool Hung, int Attempts, int JobsStarted, TimeSpan Elapsed, FaultServer.Scenario Scenario)
    {
        public string Outcome => Hung ? "HANG" : Error switch
        {
            null => "ok",
            VoucherifyApiException api => $"api {api.StatusCode}",
            VoucherifyTimeoutException t => t.Scope == VoucherifyTimeoutScope.Call ? "call timeout" : "timeout",
            VoucherifyNetworkException => "network",
            AsyncActionTimeoutException => "wait timeout",
            var other => other.GetType().Name,
        };
    }

    /// <param name="throughCallerHttpClient">
    /// False: the client sends through its pipeline over a handler (the table in docs/reliability.md comes from this run).
    /// True: the same matrix through the constructor that takes the caller's <see cref="HttpClient"/>.
    /// </param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_operation_meets_the_reliability_contract_under_every_fault(bool throughCallerHttpClient)
    {
        await using var server = await FaultServer.StartAsync();
        await WarmUpAsync(server);

        var cells = new ConcurrentBag<Cell>();
        using var gate = new SemaphoreSlim(24);
        var runs = Enum.GetValues<Fault>().SelectMany(fault => OperationSamples.AllCalls.Select(operation => RunAsync(server, fault, operation, throughCallerHttpClient, gate, cells)));
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(runs);
        clock.Stop();

        var violations = cells.SelectMany(Violations).ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.Equal(Enum.GetValues<Fault>().Length * OperationSamples.AllCalls.Count, cells.Count);
        if (!throughCallerHttpClient) ReliabilityReport.Replace("fault-matrix", Table(cells, clock.Elapsed));
    }

    private static async Task WarmUpAsync(FaultServer server)
    {
        using var client = new LoopbackClient(server.BaseUriOf(server.AddScenario(Fault.None)));
        foreach (var operation in OperationSamples.AllCalls) await operation.Run(client.Client, CancellationToken.None);
    }

    private static async Task RunAsync(FaultServer server, Fault fault, SampleCall operation, bool throughCallerHttpClient, SemaphoreSlim gate, ConcurrentBag<Cell> cells)
    {
        await gate.WaitAsync();
        try
        {
            var scenario = server.AddScenario(fault);
            using var client = new LoopbackClient(server.BaseUriOf(scenario), refuseFirstConnection: fault == Fault.RefusedOnce, throughCallerHttpClient: throughCallerHttpClient);
            var clock = Stopwatch.StartNew();
            var run = operation.Run(client.Client, CancellationToken.None);
            var hung = await Task.WhenAny(run, Task.Delay(Watchdog)) != run;
            Exception? error = null;
            if (!hung)
            {
                try
                {
                    await run;
                }
                catch (Exception e)
                {
                    error = e;
                }
            }
            cells.Add(new Cell(fault, operation, error, hung, client.Attempts, Volatile.Read(ref scenario.JobsStarted), clock.Elapsed, scenario));
        }
        finally
        {
            gate.Release();
        }
    }

    private static IEnumerable<string> Violations(Cell cell)
    {
        var where = $"{cell.Operation} × {cell.Fault} ({cell.Outcome}, {cell.Attempts} attempts)";
        if (cell.Hung)
        {
            yield return $"{where}: no result within {Watchdog}";
            yield break;
        }
        if (cell.Error is not (null or VoucherifyApiException or VoucherifyTimeoutException or VoucherifyNetworkException or AsyncActionTimeoutException))
            yield return $"{where}: undocumented exception {cell.Error}";
        if (cell.JobsStarted > 1) yield return $"{where}: job started {cell.JobsStarted} times";
        if (cell.Error != null && Leaks(() => Samples.AssertNoSecret(cell.Error))) yield return $"{where}: secret key in the exception";
        foreach (var request in cell.Scenario.Requests)
        {
            var outsideTokenHeader = request.PathAndQuery + "\n" + Encoding.UTF8.GetString(request.Body) + "\n"
                + string.Join("\n", request.Headers.Where(h => !h.Key.Equals("X-App-Token", StringComparison.OrdinalIgnoreCase)).Select(h => h.Key + ": " + h.Value));
            if (Leaks(() => Samples.AssertNoSecret(outsideTokenHeader, "request"))) yield return $"{where}: secret key outside X-App-Token in a request";
            if (!request.Headers.TryGetValue("X-App-Token", out var token) || token != Samples.SecretKey) yield return $"{where}: an attempt was not signed";
        }

        var isWait = cell.Operation.Name == "wait for async action";
        if (!isWait && cell.Attempts > 3) yield return $"{where}: more attempts than MaxAttempts";
        var expectSuccess = cell.Fault == Fault.None
            || (cell.Fault == Fault.StaysInProgress && !isWait)
            || (TransientOnce.Contains(cell.Fault) && (cell.Operation.Replay == SampleReplay.Always
                || (cell.Fault == Fault.RefusedOnce && cell.Operation.Replay == SampleReplay.OnlyIfNeverSent)));
        if (expectSuccess && cell.Error != null) yield return $"{where}: expected success within the retry budget, got {cell.Error.GetType().Name}: {cell.Error.Message}";
        if (!expectSuccess && cell.Error is null && !(cell.Fault == Fault.TruncatedJson && cell.Operation.Name == "delete"))
            yield return $"{where}: expected a documented failure, got success";
        if (cell.Operation.Replay != SampleReplay.Always && TransientOnce.Contains(cell.Fault) && cell.Fault != Fault.RefusedOnce && cell.Attempts != 1)
            yield return $"{where}: an unsafe request was replayed";
        switch (cell.Fault)
        {
            case Fault.StaysInProgress when isWait && cell.Error is not AsyncActionTimeoutException:
                yield return $"{where}: expected AsyncActionTimeoutException";
                break;
            case Fault.RateLimitedLongWait or Fault.RateLimitedBillingCycle:
                if (cell.Error is not VoucherifyApiException { StatusCode: 429, RateLimit: not null } || cell.Attempts != 1)
                    yield return $"{where}: expected an immediate 429 with rate-limit details";
                break;
            case Fault.RefusedOnce when cell.Operation.Replay == SampleReplay.Never:
                if (cell.Error is not VoucherifyNetworkException { RequestMayHaveReachedServer: false }) yield return $"{where}: expected a network exception saying the request never left";
                break;
            // The wait's own deadline (shorter than three timed-out attempts) cuts its polls; every other call runs out of attempts.
            case Fault.SlowAlways when isWait && cell.Error is not AsyncActionTimeoutException:
                yield return $"{where}: expected the wait's deadline to cut the slow polls";
                break;
            case Fault.SlowAlways when !isWait && cell.Error is not VoucherifyTimeoutException { Scope: VoucherifyTimeoutScope.Attempt }:
                yield return $"{where}: expected an attempt timeout";
                break;
        }
        if (cell.Error is VoucherifyTimeoutException timeout && timeout.Message.Contains("alice@example.com"))
            yield return $"{where}: the timeout message names a customer id";
    }

    private static bool Leaks(Action assertion)
    {
        try
        {
            assertion();
            return false;
        }
        catch (Xunit.Sdk.XunitException)
        {
            return true;
        }
    }

    private static string Table(IEnumerable<Cell> cells, TimeSpan total)
    {
        var faults = Enum.GetValues<Fault>();
        var byKey = cells.ToDictionary(c => (c.Fault, c.Operation.Name));
        var text = new StringBuilder();
        text.Append("Each cell: outcome · attempts that reached the transport · wall time. ")
            .Append($"{byKey.Count} scenarios, {byKey.Values.Count(c => c.Error is null)} succeeded, ")
            .Append($"{byKey.Values.Count(c => c.Error != null)} failed with a documented exception, 0 hangs; whole matrix {total.TotalSeconds:0.0} s (24 scenarios at a time).\n\n");
        text.Append("| Fault \\ operation | ").Append(string.Join(" | ", OperationSamples.AllCalls.Select(o => o.Name))).Append(" |\n");
        text.Append("|---|").Append(string.Concat(OperationSamples.AllCalls.Select(_ => "---|"))).Append('\n');
        foreach (var fault in faults)
        {
            text.Append("| ").Append(fault).Append(" | ");
            text.Append(string.Join(" | ", OperationSamples.AllCalls.Select(o =>
            {
                var c = byKey[(fault, o.Name)];
                return $"{c.Outcome} · {c.Attempts} · {c.Elapsed.TotalMilliseconds:0} ms";
            })));
            text.Append(" |\n");
        }
        return text.ToString();
    }
}
