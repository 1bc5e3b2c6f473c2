using Voucherify.SpecDiff.Cli;

// The contract-change report (README, "Changing the spec"); exit codes in Cli/ExitCodes.cs.
return SpecDiffCommand.Run(args, Console.Out, Console.Error, Environment.CurrentDirectory);
