using BenchmarkDotNet.Running;
using Voucherify.Benchmarks.Budgets;

// `budgets <name> ...` runs a budget harness (see Budgets/BudgetRunner.cs); anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "budgets")
    return await BudgetRunner.RunAsync(args[1..]);

return BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
