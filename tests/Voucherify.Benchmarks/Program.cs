using BenchmarkDotNet.Running;
using Voucherify.Benchmarks.Budgets;

// `budgets <name> ...` runs a budget harness (see Budgets/BudgetRunner.cs); anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "budgets")
    return await BudgetRunner.RunAsync(args[1..]);

var summaries = BenchmarkSwitcher.FromAssembly(typeof(BudgetRunner).Assembly).Run(args).ToList();
// Fail (for CI) when nothing matched the filter, or a benchmark did not build or run.
var failed = summaries.Count == 0 || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Length == 0 || s.Reports.Any(r => !r.Success));
return failed ? 1 : 0;
