using System.Text.RegularExpressions;
using Voucherify.Sandbox;
using Voucherify.Sandbox.Tool;

namespace Voucherify.SandboxTests;

/// <summary>voucherify-sandbox's command line, read in-process: every value it cannot use is refused with one line.</summary>
public sealed partial class CommandLineTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("voucherify-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static ToolCommand Parse(params string[] args) => SandboxCommandLine.Parse(args, _ => null);

    private static VoucherifySandboxOptions Run(params string[] args) => Assert.IsType<RunServer>(Parse(args)).Options;

    private static Refuse Refused(int exitCode, params string[] args)
    {
        var refusal = Assert.IsType<Refuse>(Parse(args));
        Assert.Equal(exitCode, refusal.ExitCode);
        Assert.DoesNotContain('\n', refusal.Message);
        return refusal;
    }

    public static TheoryData<string[], string> BadCommandLines() => new()
    {
        { ["--port", "abc"], "--port: 'abc' is not a whole number from 0 to 65535." },
        { ["--port", "70000"], "--port: '70000' is not a whole number from 0 to 65535." },
        { ["--port", "-1"], "--port: '-1' is not a whole number from 0 to 65535." },
        { ["--port", " 80"], "--port: ' 80' is not a whole number from 0 to 65535." },
        { ["--port"], "--port needs a value." },
        { ["--port", "--latency-ms", "5"], "--port needs a value." },
        { ["--port="], "--port: '' is not a whole number from 0 to 65535." },
        { ["--rate-limit", "abc"], "--rate-limit: the request count 'abc' is not a whole number from 1 to 2147483647." },
        { ["--rate-limit", "5/abc"], "--rate-limit: the window 'abc' is not a whole number of seconds from 1 to 2147483647." },
        { ["--rate-limit", "0"], "--rate-limit: the request count '0' is not a whole number from 1 to 2147483647." },
        { ["--rate-limit", "1/0"], "--rate-limit: the window '0' is not a whole number of seconds from 1 to 2147483647." },
        { ["--rate-limit", "99999999999"], "--rate-limit: the request count '99999999999' is not a whole number from 1 to 2147483647." },
        { ["--rate-limit", "1/2/3"], "--rate-limit: '1/2/3' is not N (requests a minute) or N/SECONDS." },
        { ["--fault", """{"status_code":429,"retry_after_seconds":1e300}"""], "--fault: retry_after_seconds must be a number from 0 to 2147483647." },
        { ["--fault", """{"retry_after_seconds":NaN}"""], "--fault: retry_after_seconds must be a number from 0 to 2147483647." },
        { ["--fault", """{"retry_after_seconds":-1}"""], "--fault: retry_after_seconds must be a number from 0 to 2147483647." },
        { ["--fault", """{"status_code":503"""], """--fault: the value is not JSON; e.g. --fault '{"operation_id":"get-customer","status_code":503}'.""" },
        { ["--fault", """{"status_code":"soon"}"""], "--fault: A fault is a JSON object: operation_id, method, path, status_code, body, delay_ms, reset, retry_after_seconds, times, probability, seed." },
        { ["--fault", """{"operation_id":"get-customer"}"""], "--fault: A fault needs an effect: a status code, a delay, a reset or Retry-After." },
        { ["--job-duration-ms", "-1"], "--job-duration-ms: '-1' is not a whole number from 0 to 2147483647." },
        { ["--job-duration-ms", "1.5"], "--job-duration-ms: '1.5' is not a whole number from 0 to 2147483647." },
        { ["--latency-ms", "abc"], "--latency-ms: 'abc' is not a whole number from 0 to 2147483647." },
        { ["--app-id", ""], "--app-id must not be empty." },
        { ["--app-id", "  "], "--app-id must not be empty." },
        { ["--secret-key", ""], "--secret-key must not be empty." },
        { ["--seed", ""], "--seed must not be empty." },
        { ["--exit-with-parent=yes"], "--exit-with-parent takes no value." },
        { ["--bogus"], "unknown option --bogus (voucherify-sandbox --help lists the options)." },
        { ["-p", "80"], "unknown option -p (voucherify-sandbox --help lists the options)." },
        { ["5089"], "unexpected argument '5089': every value follows its option (voucherify-sandbox --help lists them)." },
        { ["--port", "1", "--port", "x"], "--port: 'x' is not a whole number from 0 to 65535." },
    };

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public void A_bad_command_line_is_refused_with_one_line_naming_the_option_and_exit_code_2(string[] args, string message)
    {
        Assert.Equal(message, Refused(ExitCodes.BadCommandLine, args).Message);
    }

    [Fact]
    public void No_arguments_run_the_server_on_port_5089_with_the_library_defaults()
    {
        var run = Assert.IsType<RunServer>(Parse());
        var defaults = new VoucherifySandboxOptions();

        Assert.Equal(5089, run.Options.Port);
        Assert.False(run.ExitWithParent);
        Assert.Equal((defaults.ApplicationId, defaults.SecretKey, defaults.JobDuration, defaults.Latency), (run.Options.ApplicationId, run.Options.SecretKey, run.Options.JobDuration, run.Options.Latency));
        Assert.Null(run.Options.RateLimit);
        Assert.Null(run.Options.Seed);
        Assert.Empty(run.Options.Faults);
    }

    [Fact]
    public void Every_option_reaches_the_sandbox_options()
    {
        var run = Assert.IsType<RunServer>(Parse(
            "--port", "0", "--app-id", "my-app", "--secret-key=my-key", "--job-duration-ms", "250", "--latency-ms", "0",
            "--rate-limit", "10/2", "--fault", """{"operation_id":"get-customer","status_code":503,"times":2}""",
            "--fault", """{"path":"/v1/customers*","delay_ms":5}""", "--exit-with-parent"));

        var options = run.Options;
        Assert.Equal(0, options.Port);
        Assert.Equal(("my-app", "my-key"), (options.ApplicationId, options.SecretKey));
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.JobDuration);
        Assert.Equal(TimeSpan.Zero, options.Latency);
        Assert.Equal((10, TimeSpan.FromSeconds(2)), (options.RateLimit!.PermitLimit, options.RateLimit.Window));
        Assert.Collection(options.Faults,
            fault => Assert.Equal(("get-customer", 503, (int?)2), (fault.OperationId, fault.StatusCode, fault.Times)),
            fault => Assert.Equal(("/v1/customers*", TimeSpan.FromMilliseconds(5)), (fault.Path, fault.Delay)));
        Assert.True(run.ExitWithParent);
    }

    [Theory]
    [InlineData("7", 7, 60)]
    [InlineData("2147483647/2147483647", int.MaxValue, int.MaxValue)]
    [InlineData("1/1", 1, 1)]
    public void A_rate_limit_is_requests_a_minute_or_requests_per_seconds(string value, int permits, int seconds)
    {
        var limit = Run("--rate-limit", value).RateLimit!;

        Assert.Equal((permits, TimeSpan.FromSeconds(seconds)), (limit.PermitLimit, limit.Window));
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("65535", 65535)]
    [InlineData("08080", 8080)]
    public void A_port_is_any_from_0_to_65535(string value, int port)
    {
        Assert.Equal(port, Run("--port", value).Port);
        Assert.Equal(port, Run($"--port={value}").Port);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData(null, false)]
    public void The_launch_profiles_variable_turns_exit_with_parent_on(string? value, bool expected)
    {
        var run = Assert.IsType<RunServer>(SandboxCommandLine.Parse([], name => name == SandboxCommandLine.ExitWithParentVariable ? value : null));

        Assert.Equal(expected, run.ExitWithParent);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_prints_the_usage_wherever_it_stands_even_beside_a_mistake(string help)
    {
        Assert.Equal(Usage.Text, Assert.IsType<PrintText>(Parse(help)).Text);
        Assert.Equal(Usage.Text, Assert.IsType<PrintText>(Parse("--port", "abc", help)).Text);
    }

    [Fact]
    public void Every_option_the_usage_lists_is_one_the_command_line_reads()
    {
        var listed = OptionLine().Matches(Usage.Text).Select(m => m.Groups[1].Value).ToList();

        Assert.Superset(new HashSet<string> { "--port", "--app-id", "--secret-key", "--seed", "--job-duration-ms", "--latency-ms", "--rate-limit", "--fault", "--exit-with-parent", "--version", "--help" }, listed.ToHashSet());
        Assert.All(listed, option =>
            Assert.False(Parse(option) is Refuse { Message: var message } && message.StartsWith("unknown option", StringComparison.Ordinal), $"{option} is in the usage but unknown"));
    }

    [Fact]
    public void Version_prints_the_tools_version()
    {
        Assert.Matches(@"^voucherify-sandbox \d+\.\d+\.\d+", Assert.IsType<PrintText>(Parse("--version")).Text);
    }

    [Fact]
    public void A_seed_file_is_loaded_before_the_server_starts()
    {
        var seed = Run("--seed", Path.Combine(AppContext.BaseDirectory, "Seeds", "example-seed.json")).Seed;

        Assert.NotNull(seed);
        Assert.Equal(3, seed.Customers.Count);
    }

    [Fact]
    public void A_seed_path_that_is_missing_or_a_directory_is_a_bad_command_line()
    {
        var missing = Path.Combine(_directory, "missing.json");

        Assert.Equal($"--seed: {missing} does not exist.", Refused(ExitCodes.BadCommandLine, "--seed", missing).Message);
        Assert.Equal($"--seed: {_directory} is a directory, not a seed file.", Refused(ExitCodes.BadCommandLine, "--seed", _directory).Message);
    }

    [Fact]
    public void A_seed_file_that_is_not_a_seed_exits_3_with_its_path_and_the_json_path()
    {
        var file = Path.Combine(_directory, "bad-seed.json");
        File.WriteAllText(file, """{"customers":[{"source_id":"a"},{"source_id":"b","created_at":"yesterday"}]}""");

        var refusal = Refused(ExitCodes.InvalidSeed, "--seed", file);

        Assert.StartsWith($"The seed cannot be loaded: {file}: $.customers[1].created_at: ", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mistake_after_the_seed_is_reported_without_reading_the_seed()
    {
        var file = Path.Combine(_directory, "bad-seed.json");
        File.WriteAllText(file, "not a seed");

        Assert.Equal("--port: 'x' is not a whole number from 0 to 65535.", Refused(ExitCodes.BadCommandLine, "--seed", file, "--port", "x").Message);
    }

    // An option line of the usage: indented, "-h, " at most before the option's name.
    [GeneratedRegex(@"^\s+(?:-h, )?(--[a-z][a-z-]*)", RegexOptions.Multiline)]
    private static partial Regex OptionLine();
}
