using System.Diagnostics;
using System.Globalization;
using System.Net;
using Voucherify.Benchmarks.Shared;

namespace Voucherify.Benchmarks.Budgets;

/// <summary>
/// The benchmarks' time and allocation ratios measured in alternation: short batches of baseline and client calls,
/// interleaved, many times over, with the ratio taken per pair of batches and then the median. BenchmarkDotNet runs
/// all of one method before the other, so on a machine whose background load drifts (a shared CI or build machine)
/// its ratio moves with the load; a paired ratio does not. Time is the process's CPU time (see
/// <see cref="ProcessCpuClock"/>) and allocation is counted exactly, over all threads. Ends with the attribution of a
/// get-customer call to its components (<see cref="PipelineAttribution"/>).
/// </summary>
internal static class PairedOverhead
{
    private const double TimeTarget = 1.05;
    private const double AllocationTarget = 1.10;

    private sealed record Operation(string Name, Func<Task> Raw, Func<Task> Client);

    public static async Task<bool> RunAsync(BudgetOptions options)
    {
        var rounds = (int)options.Number("rounds", 200);
        var batch = (int)options.Number("batch", 50);
        var warmupLength = TimeSpan.FromSeconds(options.Number("warmup-seconds", 5));
        var getTransport = new CannedResponseHandler(Payloads.CustomerJson);
        var listTransport = new CannedResponseHandler(Payloads.CustomerListJson(100));
        var csvTransport = new CannedResponseHandler(Payloads.AsyncActionStartedJson, HttpStatusCode.Accepted);
        var csvPath = Payloads.CsvFile(10 * 1024 * 1024);
        var body = Payloads.CreateBody();
        using var getClient = BenchmarkClients.Client(getTransport);
        using var getRaw = BenchmarkClients.Raw(getTransport);
        using var listClient = BenchmarkClients.Client(listTransport);
        using var listRaw = BenchmarkClients.Raw(listTransport);
        using var csvClient = BenchmarkClients.Client(csvTransport);
        using var csvRaw = BenchmarkClients.Raw(csvTransport);

        var operations = new[]
        {
            new Operation("get-customer", () => getRaw.GetCustomerAsync(Payloads.CustomerId), () => getClient.Customers.GetCustomerAsync(Payloads.CustomerId)),
            new Operation("list-customers (100)", () => listRaw.ListCustomersAsync(100), () => listClient.Customers.ListCustomersAsync(limit: 100)),
            new Operation("create-customer", () => getRaw.CreateCustomerAsync(body), () => getClient.Customers.CreateCustomerAsync(body)),
            new Operation("CSV import request (10 MB file)", () => ImportAsync(csvPath, s => csvRaw.ImportCustomersFromCsvAsync(s, "customers.csv")), () => ImportAsync(csvPath, s => csvClient.Customers.ImportCustomersFromCsvAsync(s, "customers.csv"))),
        };

        Console.WriteLine();
        Console.WriteLine($"Client vs hand-written, {rounds} alternating pairs of {batch}-call batches per operation (median per-call {(ProcessCpuClock.IsCpuTime ? "process CPU time" : "wall-clock time")}; exact bytes per call)");
        Console.WriteLine("| operation | hand-written, µs | client, µs | time ratio (median of pairs) | hand-written, B | client, B | allocation ratio |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        var passed = true;
        try
        {
            foreach (var operation in operations)
                passed &= await MeasureAsync(operation, rounds, batch, warmupLength);
        }
        finally
        {
            File.Delete(csvPath);
        }
        // What the transports saw: a body buffered whole by anything in the client's pipeline is counted there.
        var buffered = getTransport.BufferedBodies + listTransport.BufferedBodies + csvTransport.BufferedBodies;
        passed &= buffered == 0;
        Console.WriteLine($"response bodies buffered whole instead of streamed: {buffered}");
        Console.WriteLine($"targets: time ≤ {TimeTarget:F2}x, allocation ≤ {AllocationTarget:F2}x");
        await PipelineAttribution.ReportAsync(Math.Max(rounds / 4, 10), batch);
        Console.WriteLine(passed ? "PASS" : "FAIL: an operation is over a target, or a response body was buffered");
        return passed;
    }

    /// <summary>Measures one operation, prints its row, and tells whether it is within both targets.</summary>
    private static async Task<bool> MeasureAsync(Operation operation, int rounds, int batch, TimeSpan warmupLength)
    {
        // Warm-up to tier-1 code on both sides: the JIT's background tiering needs real time, which a busy
        // machine hands out slowly, so warm up for a while rather than for a number of calls.
        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed < warmupLength) { await TimeBatchAsync(operation.Raw, batch); await TimeBatchAsync(operation.Client, batch); }
        var rawTimes = new List<double>();
        var clientTimes = new List<double>();
        var ratios = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            // Alternate which side goes first, so neither always follows the other's garbage.
            double raw, client;
            if (round % 2 == 0) { raw = await TimeBatchAsync(operation.Raw, batch); client = await TimeBatchAsync(operation.Client, batch); }
            else { client = await TimeBatchAsync(operation.Client, batch); raw = await TimeBatchAsync(operation.Raw, batch); }
            rawTimes.Add(raw);
            clientTimes.Add(client);
            ratios.Add(client / raw);
        }
        var rawBytes = await BytesPerCallAsync(operation.Raw, batch);
        var clientBytes = await BytesPerCallAsync(operation.Client, batch);
        var timeRatio = Statistics.Median(ratios);
        var allocationRatio = (double)clientBytes / rawBytes;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {operation.Name} | {Statistics.Median(rawTimes):F2} | {Statistics.Median(clientTimes):F2} | {timeRatio:F2} | {rawBytes:N0} | {clientBytes:N0} | {allocationRatio:F2} |"));
        return timeRatio <= TimeTarget && allocationRatio <= AllocationTarget;
    }

    private static async Task ImportAsync(string path, Func<Stream, Task<AsyncActionStarted>> import)
    {
        using var file = Payloads.OpenCsv(path);
        await import(file);
    }

    private static async Task<double> TimeBatchAsync(Func<Task> call, int calls)
    {
        var start = ProcessCpuClock.NowMicroseconds();
        for (var i = 0; i < calls; i++) await call();
        return (ProcessCpuClock.NowMicroseconds() - start) / calls;
    }

    private static async Task<long> BytesPerCallAsync(Func<Task> call, int calls)
    {
        // All threads: the file-based import continues on pool threads.
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < calls; i++) await call();
        return (GC.GetTotalAllocatedBytes(precise: true) - before) / calls;
    }
}
