using Voucherify.Sandbox.Hosting;

namespace Voucherify.Sandbox.Tool;

/// <summary>
/// Carries out a <see cref="ToolCommand"/>: starts the sandbox, announces where it listens on one line that scripts
/// read, and runs it until Ctrl+C, SIGTERM or (with <c>--exit-with-parent</c>) its parent's exit.
/// </summary>
internal static class StandaloneServer
{
    /// <summary>What the first line of standard output starts with, followed by the URL (ASP.NET Core's own wording).</summary>
    public const string ListeningPrefix = "Now listening on: ";

    /// <summary>Runs the command and returns the process's exit code (see <see cref="ExitCodes"/>).</summary>
    /// <param name="command">What the command line asked for.</param>
    /// <param name="output">Standard output: the URL line, help.</param>
    /// <param name="error">Standard error: one line per problem.</param>
    /// <param name="parent">The process that started the tool, recorded at start, for <c>--exit-with-parent</c>.</param>
    public static async Task<int> RunAsync(ToolCommand command, TextWriter output, TextWriter error, ParentProcess parent)
    {
        try
        {
            switch (command)
            {
                case PrintText print:
                    output.WriteLine(print.Text);
                    return ExitCodes.Success;
                case Refuse refuse:
                    WriteLine(error, refuse.Message);
                    return refuse.ExitCode;
                case RunServer run:
                    return await ServeAsync(run, output, error, parent);
                default:
                    throw new ArgumentOutOfRangeException(nameof(command), command, "Not a tool command.");
            }
        }
        catch (Exception e)
        {
            // A bug, not a user's mistake: still one line (the type names what broke), never a trace on the console.
            WriteLine(error, $"unexpected error ({e.GetType().Name}): {e.Message}");
            return ExitCodes.Unexpected;
        }
    }

    private static async Task<int> ServeAsync(RunServer run, TextWriter output, TextWriter error, ParentProcess parent)
    {
        VoucherifySandbox sandbox;
        try
        {
            sandbox = await VoucherifySandbox.StartAsync(run.Options);
        }
        catch (IOException e)
        {
            // Kestrel's bind failure: "Failed to bind to address http://127.0.0.1:5089: address already in use."
            WriteLine(error, $"cannot listen on port {run.Options.Port}: {e.Message} Stop what holds it, or pick another with --port (0: any free port).");
            return ExitCodes.BadCommandLine;
        }
        await using (sandbox)
        {
            // The standalone server owns its process, so it may return memory to the system after a burst.
            await using var trimmer = new IdleMemoryTrimmer();
            output.WriteLine(ListeningPrefix + sandbox.BaseUri.GetLeftPart(UriPartial.Authority));
            output.WriteLine($"  X-App-Id:    {run.Options.ApplicationId}");
            output.WriteLine("  X-App-Token: the configured secret key (default sandbox-secret-key)");
            if (run.Options.Seed is { } seed) output.WriteLine($"  Seeded with {seed.Customers.Count} customer(s) from {seed.Origin}");
            output.WriteLine("Press Ctrl+C to stop.");

            using var stopWatching = new CancellationTokenSource();
            var parentGone = ParentWatch(run, parent, error, stopWatching.Token);
            // The host's console lifetime turns Ctrl+C and SIGTERM into a shutdown.
            await Task.WhenAny(sandbox.WaitForShutdownAsync(), parentGone);
            await stopWatching.CancelAsync();
        }
        return ExitCodes.Success;
    }

    private static Task ParentWatch(RunServer run, ParentProcess parent, TextWriter error, CancellationToken cancellationToken)
    {
        if (!run.ExitWithParent) return Task.Delay(Timeout.Infinite, cancellationToken);
        if (!ParentProcess.CanWatch)
        {
            WriteLine(error, "--exit-with-parent works on Linux and macOS only; ignored.");
            return Task.Delay(Timeout.Infinite, cancellationToken);
        }
        return parent.WhenGoneAsync(TimeSpan.FromMilliseconds(250), cancellationToken)
            .ContinueWith(
                gone => { if (gone.IsCompletedSuccessfully) WriteLine(error, "the parent process exited; stopping."); },
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    // One line, whatever the message holds: scripts read the first line of stderr as the reason.
    private static void WriteLine(TextWriter error, string message) =>
        error.WriteLine("voucherify-sandbox: " + message.ReplaceLineEndings(" "));
}
