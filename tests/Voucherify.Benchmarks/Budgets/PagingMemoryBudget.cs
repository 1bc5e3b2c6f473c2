using Voucherify.Benchmarks.Shared;

namespace Voucherify.Benchmarks.Budgets;

/// <summary>
/// Walking 1 000, 10 000 and 100 000 customers must keep memory flat: the walk holds one page at a time. Each walk
/// runs in its own child process. Flat means: nothing of the walk stays on the heap afterwards (less than 1 MB after a
/// full collection), and the peak working set of the largest walk is less than 16 MB above that of the next largest.
/// The garbage collector lets the heap grow until its gen-0 budget settles, which a short walk does not reach;
/// <c>--gc-gen0-mb N</c> fixes that budget (DOTNET_GCgen0size) to show the walk's own footprint.
/// </summary>
internal static class PagingMemoryBudget
{
    public const string ChildCommand = "child-paging-memory";
    private const long FlatnessBytes = 16L * 1024 * 1024;
    private const long RetainedBytes = 1024 * 1024;

    public sealed record Result(long PeakBefore, long PeakAfter, long HeapBefore, long HeapAfter, int Walked, int Requests);

    public static async Task<bool> RunAsync(BudgetOptions options)
    {
        var sizes = options.Integers("sizes", "1000,10000,100000").Order().ToArray();
        var environment = new Dictionary<string, string>();
        var gen0Mb = options.Number("gc-gen0-mb", 0);
        if (gen0Mb > 0) environment["DOTNET_GCgen0size"] = "0x" + ((long)(gen0Mb * 1024 * 1024)).ToString("X", System.Globalization.CultureInfo.InvariantCulture);
        var rows = new List<(int Size, Result Client, Result Raw)>();
        foreach (var size in sizes)
        {
            var text = size.ToString(System.Globalization.CultureInfo.InvariantCulture);
            rows.Add((size, await ChildProcess.RunAsync<Result>(environment, ChildCommand, text, "client"), await ChildProcess.RunAsync<Result>(environment, ChildCommand, text, "raw")));
        }

        Console.WriteLine();
        Console.WriteLine($"Walking all customers, 100 per page (peak working set of the whole process, MB; GC gen-0 budget: {(gen0Mb > 0 ? gen0Mb + " MB" : "default")})");
        Console.WriteLine("| customers | requests | client peak | hand-written peak | client / hand-written | client peak growth during the walk | client heap kept after the walk |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (size, client, raw) in rows)
            Console.WriteLine($"| {size:N0} | {client.Requests} | {ChildProcess.Megabytes(client.PeakAfter)} | {ChildProcess.Megabytes(raw.PeakAfter)} | {(double)client.PeakAfter / raw.PeakAfter:F2} | {ChildProcess.Megabytes(client.PeakAfter - client.PeakBefore)} | {ChildProcess.Megabytes(client.HeapAfter - client.HeapBefore)} |");

        var complete = rows.All(r => r.Client.Walked == r.Size && r.Raw.Walked == r.Size);
        var retained = rows.Max(r => r.Client.HeapAfter - r.Client.HeapBefore);
        var growth = rows.Count < 2 ? 0 : rows[^1].Client.PeakAfter - rows[^2].Client.PeakAfter;
        var passed = complete && retained < RetainedBytes && growth < FlatnessBytes;
        Console.WriteLine($"client: most heap kept after a walk {ChildProcess.Megabytes(retained)} MB (< {ChildProcess.Megabytes(RetainedBytes)}); peak growth between the two largest walks {ChildProcess.Megabytes(growth)} MB (< {ChildProcess.Megabytes(FlatnessBytes)})");
        Console.WriteLine(passed ? "PASS" : complete ? "FAIL: memory grows with the number of customers" : "FAIL: a walk missed customers");
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
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var before = ChildProcess.PeakWorkingSet();
        var requestsBefore = transport.Requests;

        var walked = 0;
        await foreach (var customer in walk)
        {
            if (customer.CreatedAt != Payloads.CreatedAt(walked))
                throw new InvalidOperationException($"customer {walked} came out of order ({customer.Id})");
            walked++;
        }

        var peak = ChildProcess.PeakWorkingSet();
        ChildProcess.Report(new Result(before, peak, heapBefore, GC.GetTotalMemory(forceFullCollection: true), walked, transport.Requests - requestsBefore));
    }
}
