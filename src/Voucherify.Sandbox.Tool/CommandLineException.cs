namespace Voucherify.Sandbox.Tool;

/// <summary>
/// A command line the tool refuses, with the one line that says why; <see cref="SandboxCommandLine.Parse"/> turns it
/// into a <see cref="Refuse"/> so no caller sees it.
/// </summary>
internal sealed class CommandLineException(string message, int exitCode = ExitCodes.BadCommandLine) : Exception(message)
{
    /// <summary>The exit code the refusal ends with.</summary>
    public int ExitCode { get; } = exitCode;
}
