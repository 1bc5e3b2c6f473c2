using System.Net;
using Voucherify.Benchmarks.Shared;

namespace Voucherify.Benchmarks.Budgets;

/// <summary>
/// CSV import of a generated file (1 GB by default) must add less than 32 MB to the peak working set: the file is
/// streamed into the request, never held in memory. Each path runs in its own child process; the transport reads
/// the whole request body and throws it away.
/// </summary>
internal static class CsvImportMemoryBudget
{
    public const string ChildCommand = "child-csv-memory";
    private const long BudgetBytes = 32L * 1024 * 1024;

    public sealed record Result(long PeakBefore, long PeakAfter, long FileBytes, long SentBytes)
    {
        public long Growth => PeakAfter - PeakBefore;
    }

    public static async Task<bool> RunAsync(BudgetOptions options)
    {
        var sizeMb = options.Number("size-mb", 1024);
        var path = Path.Combine(Path.GetTempPath(), $"voucherify-bench-{sizeMb}mb.csv");
        var size = (long)(sizeMb * 1024 * 1024);
        if (!File.Exists(path) || new FileInfo(path).Length < size)
        {
            Console.WriteLine($"Generating {path} ({sizeMb} MB)...");
            using var file = File.Create(path);
            Payloads.WriteCsv(file, size);
        }

        try
        {
            var client = await ChildProcess.RunAsync<Result>(ChildCommand, path, "client");
            var raw = await ChildProcess.RunAsync<Result>(ChildCommand, path, "raw");
            var passed = client.SentBytes > client.FileBytes && client.Growth < BudgetBytes;
            Console.WriteLine();
            Console.WriteLine($"CSV import of a {ChildProcess.Megabytes(client.FileBytes)} MB file (peak working set growth; budget < {ChildProcess.Megabytes(BudgetBytes)} MB)");
            Console.WriteLine("| path | peak before, MB | peak after, MB | growth, MB | request bytes sent |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var (name, r) in new[] { ("client", client), ("hand-written", raw) })
                Console.WriteLine($"| {name} | {ChildProcess.Megabytes(r.PeakBefore)} | {ChildProcess.Megabytes(r.PeakAfter)} | {ChildProcess.Megabytes(r.Growth)} | {r.SentBytes:N0} |");
            Console.WriteLine($"client growth − hand-written growth: {ChildProcess.Megabytes(client.Growth - raw.Growth)} MB");
            Console.WriteLine(passed ? "PASS" : "FAIL: the client grew by 32 MB or more, or did not send the whole file");
            return passed;
        }
        finally
        {
            if (options.Text("keep-file", "false") != "true") File.Delete(path);
        }
    }

    /// <summary>In the child: warm up on a small import, then import the file and report the peak working set.</summary>
    public static async Task RunChildAsync(string path, string mode)
    {
        var transport = new CannedResponseHandler(Payloads.AsyncActionStartedJson, HttpStatusCode.Accepted);
        using var client = BenchmarkClients.Client(transport);
        using var raw = BenchmarkClients.Raw(transport);
        Func<Stream, Task<AsyncActionStarted>> importStream = mode == "client"
            ? s => client.Customers.ImportCustomersFromCsvAsync(s, "customers.csv")
            : s => raw.ImportCustomersFromCsvAsync(s, "customers.csv");

        // Warm-up: JIT, buffers and pools that any import needs, so that the measured growth is the file's.
        var small = Payloads.Csv(256 * 1024);
        for (var i = 0; i < 3; i++) await importStream(new MemoryStream(small));
        var warmupBytes = transport.RequestBytes;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = ChildProcess.PeakWorkingSet();

        if (mode == "client")
        {
            await client.Customers.ImportCustomersFromCsvAsync(path);
        }
        else
        {
            using var file = Payloads.OpenCsv(path);
            await raw.ImportCustomersFromCsvAsync(file, "customers.csv");
        }

        ChildProcess.Report(new Result(before, ChildProcess.PeakWorkingSet(), new FileInfo(path).Length, transport.RequestBytes - warmupBytes));
    }
}
