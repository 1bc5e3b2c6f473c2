namespace Voucherify.Sandbox.Tool;

/// <summary>What a command line asks for, once read: run the server, print a text, or refuse.</summary>
internal abstract record ToolCommand;

/// <summary>Run the server with these options until it is stopped.</summary>
/// <param name="Options">The sandbox's options, every value checked (and the seed, if any, loaded).</param>
/// <param name="ExitWithParent">Stop when the process that started the tool exits (Linux and macOS).</param>
internal sealed record RunServer(VoucherifySandboxOptions Options, bool ExitWithParent) : ToolCommand;

/// <summary>Print this text on standard output and exit 0 (<c>--help</c>, <c>--version</c>).</summary>
internal sealed record PrintText(string Text) : ToolCommand;

/// <summary>Print this one line on standard error and exit with this code.</summary>
internal sealed record Refuse(int ExitCode, string Message) : ToolCommand;
