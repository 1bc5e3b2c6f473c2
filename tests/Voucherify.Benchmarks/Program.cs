using BenchmarkDotNet.Running;

// `budgets <name> ...` runs a budget harness (see Budgets/BudgetRunner.cs); anything else goes to BenchmarkDotNet.
return BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
