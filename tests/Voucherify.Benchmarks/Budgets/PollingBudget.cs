using System.Globalization;
using Voucherify.Benchmarks.Shared;

namespace Voucherify.Benchmarks.Budgets;

/// <summary>
/// For jobs finishing after 1 s, 10 s and 60 s (by default): how many status requests the client's
/// <c>WaitForCompletionAsync</c> (default options) makes, and how long after the job finished it returns.
/// Targets: one request per 5 s of job, at least 4 (so at most 12 for a 60 s job), detection within 20 % of the
/// duration or 1 s, whichever is longer. The hand-written baseline polls every second. All jobs run at once, in
/// real time, so the run lasts as long as the longest job.
/// </summary>
internal static class PollingBudget
{
    private static readonly TimeSpan Granularity = TimeSpan.FromSeconds(1);

    private sealed record Outcome(int Requests, TimeSpan Delay);

    public static async Task<bool> RunAsync(BudgetOptions options)
    {
        var durations = options.Numbers("durations", "1,10,60").Select(TimeSpan.FromSeconds).ToArray();
        var runs = durations.Select(d => (Duration: d, Client: WaitWithClientAsync(d), Raw: WaitByHandAsync(d))).ToList();
        await Task.WhenAll(runs.SelectMany(r => new[] { r.Client, r.Raw }));

        Console.WriteLine();
        Console.WriteLine("Waiting for a job with linear progress (status requests made; delay between the job finishing and the wait returning)");
        Console.WriteLine("| job duration | client requests | hand-written (1 s polling) requests | ratio | client delay | hand-written delay | request budget | delay budget |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        var passed = true;
        foreach (var (duration, clientTask, rawTask) in runs)
        {
            var client = clientTask.Result;
            var raw = rawTask.Result;
            var requestBudget = Math.Max(4, (int)Math.Ceiling(duration.TotalSeconds / 5));
            var delayBudget = TimeSpan.FromTicks(Math.Max(duration.Ticks / 5, Granularity.Ticks));
            passed &= client.Requests <= requestBudget && client.Delay <= delayBudget;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {duration.TotalSeconds:F0} s | {client.Requests} | {raw.Requests} | {(double)client.Requests / raw.Requests:F2} | {client.Delay.TotalSeconds:F2} s | {raw.Delay.TotalSeconds:F2} s | ≤ {requestBudget} | ≤ {delayBudget.TotalSeconds:F1} s |"));
        }
        Console.WriteLine(passed ? "PASS" : "FAIL: too many requests or the finish was noticed too late");
        return passed;
    }

    private static async Task<Outcome> WaitWithClientAsync(TimeSpan duration)
    {
        var job = new LinearJobHandler(duration);
        using var client = BenchmarkClients.Client(job);
        var action = await client.AsyncActions.WaitForCompletionAsync("aa_linear");
        return Finish(job, action.Status);
    }

    /// <summary>What a caller writes by hand: ask every second until the job is done.</summary>
    private static async Task<Outcome> WaitByHandAsync(TimeSpan duration)
    {
        var job = new LinearJobHandler(duration);
        using var raw = BenchmarkClients.Raw(job);
        while (true)
        {
            var action = await raw.GetAsyncActionAsync("aa_linear");
            if (action.Status is AsyncActionStatus.Done or AsyncActionStatus.Failed) return Finish(job, action.Status);
            await Task.Delay(Granularity);
        }
    }

    private static Outcome Finish(LinearJobHandler job, string? status)
    {
        var elapsed = job.Elapsed;
        if (status != AsyncActionStatus.Done) throw new InvalidOperationException($"the wait ended with status {status}");
        return new Outcome(job.Requests, elapsed - job.Duration);
    }
}
