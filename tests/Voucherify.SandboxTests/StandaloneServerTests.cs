using System.Net;
using System.Net.Sockets;
using Voucherify.Sandbox;
using Voucherify.Sandbox.Tool;

namespace Voucherify.SandboxTests;

/// <summary>What the tool prints and exits with for each command, in-process (the real process: ToolProcessTests).</summary>
public sealed class StandaloneServerTests
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private Task<int> RunAsync(ToolCommand command) => StandaloneServer.RunAsync(command, _output, _error, ParentProcess.Record()).WaitAsync(TimeSpan.FromMinutes(1));

    [Fact]
    public async Task A_refusal_is_one_line_on_standard_error_whatever_its_message_holds()
    {
        var code = await RunAsync(new Refuse(ExitCodes.InvalidSeed, "first\nsecond\r\nthird"));

        Assert.Equal(ExitCodes.InvalidSeed, code);
        Assert.Equal("voucherify-sandbox: first second third" + Environment.NewLine, _error.ToString());
        Assert.Empty(_output.ToString());
    }

    [Fact]
    public async Task Help_is_printed_on_standard_output_with_exit_code_0()
    {
        var code = await RunAsync(new PrintText(Usage.Text));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(Usage.Text + Environment.NewLine, _output.ToString());
        Assert.Empty(_error.ToString());
    }

    [Fact]
    public async Task A_port_in_use_is_one_line_and_exit_code_2_not_an_unhandled_exception()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var code = await RunAsync(new RunServer(new VoucherifySandboxOptions { Port = port }, ExitWithParent: false));

        Assert.Equal(ExitCodes.BadCommandLine, code);
        var line = Assert.Single(_error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"voucherify-sandbox: cannot listen on port {port}: ", line, StringComparison.Ordinal);
        Assert.Contains("address already in use", line, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(_output.ToString());
    }
}
