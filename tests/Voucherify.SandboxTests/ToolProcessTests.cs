using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Voucherify.SandboxTests;

/// <summary>
/// The built voucherify-sandbox as a process, as scripts and CI containers meet it: exit codes, one line on standard
/// error, the URL line, the health endpoint, SIGTERM and the death of its parent. (Every value's own refusal is in
/// CommandLineTests, in-process.)
/// </summary>
public sealed partial class ToolProcessTests
{
    public static TheoryData<string[]> BadCommandLines() => new()
    {
        new[] { "--port", "abc" },
        new[] { "--port" },
        new[] { "--rate-limit", "99999999999" },
        new[] { "--fault", """{"status_code":429,"retry_after_seconds":1e300}""" },
        new[] { "--seed", Path.Combine(Path.GetTempPath(), "voucherify-no-such-seed.json") },
        new[] { "--app-id", "" },
        new[] { "--bogus" },
    };

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public async Task A_bad_command_line_exits_2_with_one_line_on_standard_error_and_no_stack_trace(string[] args)
    {
        using var tool = ToolProcess.StartTool(args);

        await RefusalLineAsync(tool, 2);
    }

    [Fact]
    public async Task A_port_in_use_exits_2_with_one_line()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        using var tool = ToolProcess.StartTool("--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Contains("address already in use", await RefusalLineAsync(tool, 2), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_seed_that_is_not_a_seed_exits_3_with_its_json_path()
    {
        var file = Path.Combine(Path.GetTempPath(), $"voucherify-bad-seed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{"customers":[{"source_id":"a"},{"source_id":"b","created_at":"yesterday"}]}""");
        try
        {
            using var tool = ToolProcess.StartTool("--port", "0", "--seed", file);

            Assert.Contains($"{file}: $.customers[1].created_at: ", await RefusalLineAsync(tool, 3), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Help_prints_the_usage_and_exits_0()
    {
        using var tool = ToolProcess.StartTool("--help");

        var (code, output, error) = await tool.WaitForExitAsync();

        Assert.Equal(0, code);
        Assert.StartsWith("Usage: voucherify-sandbox [options]", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public async Task Port_0_prints_the_chosen_url_first_then_health_and_the_api_answer_and_sigterm_stops_it_with_0()
    {
        using var tool = ToolProcess.StartTool("--port", "0");

        var url = ListeningLine().Match(await tool.ReadLineAsync());
        Assert.True(url.Success, "the first line is not 'Now listening on: http://127.0.0.1:PORT'");
        Assert.NotEqual("0", url.Groups["port"].Value);
        using var http = new HttpClient { BaseAddress = new Uri(url.Groups["url"].Value) };
        using (var health = await http.GetAsync("/_sandbox/health"))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("""{"status":"ok"}""", await health.Content.ReadAsStringAsync());
        }
        using var create = new HttpRequestMessage(HttpMethod.Post, "/v1/customers")
        {
            Headers = { { "X-App-Id", "sandbox-app-id" }, { "X-App-Token", "sandbox-secret-key" } },
            Content = new StringContent("""{"source_id":"crm-1"}""", Encoding.UTF8, "application/json"),
        };
        using (var created = await http.SendAsync(create))
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);

        tool.Signal("TERM");

        var (code, _, error) = await tool.WaitForExitAsync();
        Assert.Equal(0, code);
        Assert.Empty(error);
    }

    [Fact]
    public async Task With_exit_with_parent_it_stops_when_its_parent_is_killed()
    {
        // sh starts the tool in the background, prints its process id and waits; the tool inherits sh's output, so the
        // output ends only once the tool has exited too. SIGKILL gives sh no chance to pass anything on, as with
        // `dotnet run`.
        using var parent = ToolProcess.Start("sh", ["-c", "\"$@\" & echo $!; wait", "sh", ToolProcess.DotnetHost, ToolProcess.ToolPath, "--port", "0", "--exit-with-parent"]);
        var tool = int.Parse(await parent.ReadLineAsync(), System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            Assert.Matches(ListeningLine(), await parent.ReadLineAsync());

            parent.Signal("KILL");

            var (_, _, error) = await parent.WaitForExitAsync();
            Assert.Equal("voucherify-sandbox: the parent process exited; stopping.", Assert.Single(Lines(error)));
        }
        finally
        {
            // Never leave an orphan behind if it did not stop by itself.
            try { using var orphan = System.Diagnostics.Process.GetProcessById(tool); orphan.Kill(); }
            catch (ArgumentException) { }
            catch (InvalidOperationException) { }
        }
    }

    // The process exits with the code, prints nothing on standard output and one "voucherify-sandbox: …" line on
    // standard error (no stack trace); returns that line.
    private static async Task<string> RefusalLineAsync(ToolProcess tool, int exitCode)
    {
        var (code, output, error) = await tool.WaitForExitAsync();
        Assert.Equal(exitCode, code);
        Assert.Empty(output);
        var line = Assert.Single(Lines(error));
        Assert.StartsWith("voucherify-sandbox: ", line, StringComparison.Ordinal);
        return line;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"^Now listening on: (?<url>http://127\.0\.0\.1:(?<port>\d+))$")]
    private static partial Regex ListeningLine();
}
