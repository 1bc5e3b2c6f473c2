using Voucherify.Sandbox.Tool;

// voucherify-sandbox, the standalone server. SandboxCommandLine turns the arguments into what to do (run, print the
// usage, or refuse with one line); StandaloneServer does it and returns the exit code (ExitCodes lists them). The
// parent is recorded before anything else, for --exit-with-parent.
var parent = ParentProcess.Record();
return await StandaloneServer.RunAsync(SandboxCommandLine.Parse(args), Console.Out, Console.Error, parent);
