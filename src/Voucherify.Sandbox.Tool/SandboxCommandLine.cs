using System.Globalization;
using System.Reflection;
using Voucherify.Sandbox.Faults;
using Voucherify.Sandbox.Hosting;

namespace Voucherify.Sandbox.Tool;

/// <summary>
/// Reads <c>voucherify-sandbox</c>'s command line into a <see cref="ToolCommand"/>: every value is checked here, with
/// a one-line reason naming the option, so the server never starts from (or crashes on) a value it cannot use.
/// </summary>
internal static class SandboxCommandLine
{
    /// <summary>The port when <c>--port</c> is not given: a fixed one, so a person can type the URL.</summary>
    public const int DefaultPort = 5089;

    /// <summary>
    /// The environment variable that turns <c>--exit-with-parent</c> on (<c>true</c> or <c>1</c>): the project's launch
    /// profile sets it, so a SIGKILL of <c>dotnet run</c> does not leave the server orphaned on its port.
    /// </summary>
    public const string ExitWithParentVariable = "VOUCHERIFY_SANDBOX_EXIT_WITH_PARENT";

    /// <summary>What the arguments ask for; never throws.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="environment">Reads an environment variable; the process's own when null.</param>
    public static ToolCommand Parse(IReadOnlyList<string> args, Func<string, string?>? environment = null)
    {
        // --help wins wherever it stands, even beside a mistake: it is what the user needs to fix it.
        if (args.Any(arg => arg is "-h" or "--help")) return new PrintText(Usage.Text);
        try
        {
            var exitWithParent = (environment ?? Environment.GetEnvironmentVariable)(ExitWithParentVariable) is "true" or "1";
            return Read(new ArgumentReader(args), exitWithParent);
        }
        catch (CommandLineException e)
        {
            return new Refuse(e.ExitCode, e.Message);
        }
    }

    private static ToolCommand Read(ArgumentReader reader, bool exitWithParent)
    {
        var options = new VoucherifySandboxOptions { Port = DefaultPort };
        string? seedPath = null;
        while (reader.MoveNext())
        {
            switch (reader.Name)
            {
                case "--port": options.Port = WholeNumber(reader, 0, 65535); break;
                case "--app-id": options.ApplicationId = NotBlank(reader); break;
                case "--secret-key": options.SecretKey = NotBlank(reader); break;
                case "--job-duration-ms": options.JobDuration = TimeSpan.FromMilliseconds(WholeNumber(reader, 0, int.MaxValue)); break;
                case "--latency-ms": options.Latency = TimeSpan.FromMilliseconds(WholeNumber(reader, 0, int.MaxValue)); break;
                case "--rate-limit": options.RateLimit = RateLimit(reader); break;
                case "--seed": seedPath = NotBlank(reader); break;
                case "--fault": options.Faults.Add(Fault(reader)); break;
                case "--exit-with-parent": reader.NoValue(); exitWithParent = true; break;
                case "--version": reader.NoValue(); return new PrintText(Version());
                default:
                    throw new CommandLineException(ArgumentReader.IsOption(reader.Name) || reader.Name.StartsWith('-')
                        ? $"unknown option {reader.Name} (voucherify-sandbox --help lists the options)."
                        : $"unexpected argument '{reader.Name}': every value follows its option (voucherify-sandbox --help lists them).");
            }
        }
        // Last, so a mistake later on the line is reported without reading a large seed first.
        if (seedPath is not null) options.Seed = SeedFile.Load(seedPath);
        return new RunServer(options, exitWithParent);
    }

    private static int WholeNumber(ArgumentReader reader, int min, int max)
    {
        var value = reader.Value();
        return ParseWholeNumber(value, min, max) ?? throw new CommandLineException($"{reader.Name}: '{value}' is not a whole number from {min} to {max}.");
    }

    // Digits only: no sign, spaces or thousands separators, whatever the culture.
    private static int? ParseWholeNumber(string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max ? number : null;

    private static string NotBlank(ArgumentReader reader)
    {
        var value = reader.Value();
        return string.IsNullOrWhiteSpace(value) ? throw new CommandLineException($"{reader.Name} must not be empty.") : value;
    }

    private static SandboxRateLimitOptions RateLimit(ArgumentReader reader)
    {
        var value = reader.Value();
        var parts = value.Split('/');
        if (parts.Length > 2) throw new CommandLineException($"--rate-limit: '{value}' is not N (requests a minute) or N/SECONDS.");
        var permits = ParseWholeNumber(parts[0], 1, int.MaxValue)
            ?? throw new CommandLineException($"--rate-limit: the request count '{parts[0]}' is not a whole number from 1 to {int.MaxValue}.");
        var seconds = parts.Length == 1 ? 60 : ParseWholeNumber(parts[1], 1, int.MaxValue)
            ?? throw new CommandLineException($"--rate-limit: the window '{parts[1]}' is not a whole number of seconds from 1 to {int.MaxValue}.");
        return new SandboxRateLimitOptions { PermitLimit = permits, Window = TimeSpan.FromSeconds(seconds) };
    }

    // The same reading as POST /_sandbox/faults, so the two accept exactly the same faults.
    private static SandboxFault Fault(ArgumentReader reader)
    {
        var json = SandboxJson.Parse(reader.Value()) ?? throw new CommandLineException("--fault: the value is not JSON; e.g. --fault '{\"operation_id\":\"get-customer\",\"status_code\":503}'.");
        return FaultSpec.Parse(json, out var problem) ?? throw new CommandLineException($"--fault: {problem}");
    }

    private static string Version() =>
        "voucherify-sandbox " + (typeof(SandboxCommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");
}
