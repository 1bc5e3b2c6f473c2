using System.Globalization;

namespace Voucherify.Benchmarks.Budgets;

/// <summary>
/// <c>budgets &lt;name&gt; [--option value ...]</c>: runs one budget measurement, prints its table and verdict, and
/// returns non-zero when a measured figure misses its target (unless <c>--report-only</c>).
/// The <c>child-*</c> and <c>serve</c> names are the child processes the measurements start themselves.
/// </summary>
internal static class BudgetRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: budgets overhead|csv-memory|paging-memory|polling|concurrency|build|sandbox-memory|sandbox-speed [--option value ...]; see docs/performance.md");
            return 2;
        }
        bool passed;
        var options = args[0].StartsWith("child-", StringComparison.Ordinal) || args[0] == LoopbackServer.ChildCommand || args[0] == Sandbox.TestDoubles.ChildCommand
            ? new BudgetOptions()
            : BudgetOptions.Parse(args.Skip(1));
        switch (args[0])
        {
            case "overhead": passed = await PairedOverhead.RunAsync(options); break;
            case "csv-memory": passed = await CsvImportMemoryBudget.RunAsync(options); break;
            case "paging-memory": passed = await PagingMemoryBudget.RunAsync(options); break;
            case "polling": passed = await PollingBudget.RunAsync(options); break;
            case "concurrency": passed = await ConcurrencyBudget.RunAsync(options); break;
            case "build": passed = await BuildBudget.RunAsync(options); break;
            case "sandbox-memory": passed = await Sandbox.SandboxMemoryBudget.RunAsync(options); break;
            case "sandbox-speed": passed = await Sandbox.SandboxSpeedBudget.RunAsync(options); break;
            case Sandbox.TestDoubles.ChildCommand: await Sandbox.TestDoubles.ServeUntilStdinClosesAsync(); return 0;
            case Sandbox.SandboxSpeedBudget.FirstStartCommand: await Sandbox.SandboxSpeedBudget.RunFirstStartChildAsync(); return 0;
            case CsvImportMemoryBudget.ChildCommand: await CsvImportMemoryBudget.RunChildAsync(args[1], args[2]); return 0;
            case PagingMemoryBudget.ChildCommand: await PagingMemoryBudget.RunChildAsync(int.Parse(args[1], CultureInfo.InvariantCulture), args[2]); return 0;
            case LoopbackServer.ChildCommand: await LoopbackServer.ServeUntilStdinClosesAsync(); return 0;
            default:
                Console.Error.WriteLine($"unknown budget '{args[0]}'");
                return 2;
        }
        if (passed) return 0;
        if (options.ReportOnly)
        {
            Console.WriteLine("(target missed, but --report-only was given)");
            return 0;
        }
        return 1;
    }
}

/// <summary>The <c>--name value</c> options of a budget run; <c>--report-only</c> is a flag.</summary>
internal sealed class BudgetOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public bool ReportOnly { get; private set; }

    public static BudgetOptions Parse(IEnumerable<string> args)
    {
        var options = new BudgetOptions();
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var name = e.Current;
            if (name == "--report-only") { options.ReportOnly = true; continue; }
            if (!name.StartsWith("--", StringComparison.Ordinal) || !e.MoveNext())
                throw new ArgumentException($"expected --name value, got '{name}'");
            options._values[name.Substring(2)] = e.Current;
        }
        return options;
    }

    public string Text(string name, string fallback) => _values.TryGetValue(name, out var v) ? v : fallback;

    public double Number(string name, double fallback) =>
        _values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public int[] Integers(string name, string fallback) =>
        Text(name, fallback).Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();

    public double[] Numbers(string name, string fallback) =>
        Text(name, fallback).Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
}
