using Voucherify.Benchmarks.Shared;

namespace Voucherify.Benchmarks.Budgets;

/// <summary>
/// Walking 1 000, 10 000 and 100 000 customers must keep the peak working set flat: the walk holds one page at a
/// time. Each walk runs in its own child process; "flat" here means the largest walk peaks less than 16 MB above the
/// smallest.
/// </summary>
internal static class PagingMemoryBudget
{
    public const string ChildCommand = "child-paging-memory";
    private const long FlatnessBytes = 16L * 1024 * 1024;

    public sealed record Result(long PeakBefore, long PeakAfter, int Walked, int Requests);

    public static async Task<bool> RunAsync(BudgetOptions options)
    {
        var sizes = options.Integers("sizes", "1000,10000,100000");
        var rows = new List<(int Size, Result Client, Result Raw)>();
        foreach (var size in sizes)
        {
            var text = size.ToString(System.Globalization.CultureInfo.InvariantCulture);
            rows.Add((size, await ChildProcess.RunAsync<Result>(ChildCommand, text, "client"), await ChildProcess.RunAsync<Result>(ChildCommand, text, "raw")));
        }

        Console.WriteLine();
        Console.WriteLine("Walking all customers, 100 per page (peak working set of the whole process, MB)");
        Console.WriteLine("| customers | requests | client peak | hand-written peak | client / hand-written | client growth during the walk |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var (size, client, raw) in rows)
            Console.WriteLine($"| {size:N0} | {client.Requests} | {ChildProcess.Megabytes(client.PeakAfter)} | {ChildProcess.Megabytes(raw.PeakAfter)} | {(double)client.PeakAfter / raw.PeakAfter:F2} | {ChildProcess.Megabytes(client.PeakAfter - client.PeakBefore)} |");

        var complete = rows.All(r => r.Client.Walked == r.Size && r.Raw.Walked == r.Size);
        var spread = rows.Max(r => r.Client.PeakAfter) - rows.Min(r => r.Client.PeakAfter);
        var passed = complete && spread < FlatnessBytes;
        Console.WriteLine($"client peak spread across sizes: {ChildProcess.Megabytes(spread)} MB (flat: < {ChildProcess.Megabytes(FlatnessBytes)} MB)");
        Console.WriteLine(passed ? "PASS" : complete ? "FAIL: peak memory grows with the number of customers" : "FAIL: a walk missed customers");
        return passed;
    }

    /// <summary>In the child: read one page to warm up, then walk every customer, checking order and count.</summary>
    public static async Task RunChildAsync(int total, string mode)
    {
        var transport = new CustomerPageHandler(total);
        using var client = BenchmarkClients.Client(transport);
        using var raw = BenchmarkClients.Raw(transport);
        var walk = mode == "client" ? CustomerWalk.ClientAsync(client) : CustomerWalk.RawAsync(raw);

        await client.Customers.ListCustomersAsync(limit: 100);
        await raw.ListCustomersAsync(100);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = ChildProcess.PeakWorkingSet();
        var requestsBefore = transport.Requests;

        var walked = 0;
        await foreach (var customer in walk)
        {
            if (customer.CreatedAt != Payloads.CreatedAt(walked))
                throw new InvalidOperationException($"customer {walked} came out of order ({customer.Id})");
            walked++;
        }

        ChildProcess.Report(new Result(before, ChildProcess.PeakWorkingSet(), walked, transport.Requests - requestsBefore));
    }
}
