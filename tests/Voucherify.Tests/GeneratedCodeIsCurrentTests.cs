using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace Voucherify.Tests;

/// <summary>
/// The committed src/Voucherify/Generated/VoucherifyClient.g.cs is exactly what NSwag makes of the committed spec,
/// nswag.json and templates, so nobody edits it by hand and nobody changes the spec without regenerating.
/// </summary>
public sealed class GeneratedCodeIsCurrentTests : IDisposable
{
    private const string GeneratedFile = "src/Voucherify/Generated/VoucherifyClient.g.cs";

    private readonly string _repoRoot = FindRepoRoot();
    private readonly string _scratch = Directory.CreateTempSubdirectory("voucherify-nswag-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void The_nswag_configuration_writes_the_committed_file()
    {
        var config = JObject.Parse(File.ReadAllText(Path.Combine(_repoRoot, "nswag.json")));

        Assert.Equal(GeneratedFile, (string?)config["codeGenerators"]!["openApiToCSharpClient"]!["output"]);
    }

    [Fact]
    public async Task Regenerating_from_the_spec_reproduces_the_committed_client_byte_for_byte()
    {
        var output = Path.Combine(_scratch, "VoucherifyClient.g.cs");
        var config = Path.Combine(_scratch, "nswag.json");
        await File.WriteAllTextAsync(config, RedirectedConfig(output));

        var (exitCode, log) = await RunAsync(DotnetHost(), [NSwagTool(), "run", config]);

        Assert.True(exitCode == 0, $"NSwag failed with exit code {exitCode}:\n{log}");
        var expected = await File.ReadAllBytesAsync(output);
        var committed = await File.ReadAllBytesAsync(Path.Combine(_repoRoot, GeneratedFile));
        Assert.True(
            expected.AsSpan().SequenceEqual(committed),
            $"{GeneratedFile} is stale or was edited by hand; rebuild src/Voucherify and commit the regenerated file. {FirstDifference(expected, committed)}");
    }

    /// <summary>The repository's nswag.json with its relative paths made absolute and the output sent to <paramref name="output"/>.</summary>
    private string RedirectedConfig(string output)
    {
        var config = JObject.Parse(File.ReadAllText(Path.Combine(_repoRoot, "nswag.json")));
        var document = (JObject)config["documentGenerator"]!["fromDocument"]!;
        document["url"] = Path.Combine(_repoRoot, (string)document["url"]!);
        var generator = (JObject)config["codeGenerators"]!["openApiToCSharpClient"]!;
        generator["templateDirectory"] = Path.Combine(_repoRoot, (string)generator["templateDirectory"]!);
        generator["output"] = output;
        return config.ToString();
    }

    /// <summary>dotnet-nswag.dll of the NSwag.MSBuild version the library references, from the NuGet packages folder.</summary>
    private string NSwagTool()
    {
        var project = File.ReadAllText(Path.Combine(_repoRoot, "src/Voucherify/Voucherify.csproj"));
        var version = Regex.Match(project, "\"NSwag\\.MSBuild\" Version=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(version), "src/Voucherify/Voucherify.csproj no longer references NSwag.MSBuild");
        var packages = typeof(GeneratedCodeIsCurrentTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "NuGetPackageRoot").Value;
        Assert.False(string.IsNullOrEmpty(packages), "the test project was built without a NuGetPackageRoot");
        var tool = Path.Combine(packages!, "nswag.msbuild", version, "tools", "Net100", "dotnet-nswag.dll");
        Assert.True(File.Exists(tool), $"{tool} is missing; restore src/Voucherify first");
        return tool;
    }

    /// <summary>The dotnet host running these tests, so the tool runs on the same SDK's runtime.</summary>
    private static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk)) return fromSdk;
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }

    private async Task<(int ExitCode, string Log)> RunAsync(string fileName, string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = _scratch,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"NSwag did not finish within 2 minutes:\n{await stdout}\n{await stderr}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Voucherify.sln")))
                return directory.FullName;
        throw new InvalidOperationException($"No Voucherify.sln above {AppContext.BaseDirectory}");
    }

    private static string FirstDifference(byte[] expected, byte[] committed)
    {
        var expectedLines = Encoding.UTF8.GetString(expected).Split('\n');
        var committedLines = Encoding.UTF8.GetString(committed).Split('\n');
        for (var i = 0; i < Math.Min(expectedLines.Length, committedLines.Length); i++)
            if (expectedLines[i] != committedLines[i])
                return $"First difference at line {i + 1}:\n  generated: {expectedLines[i]}\n  committed: {committedLines[i]}";
        return $"The files differ in length: generated {expectedLines.Length} lines, committed {committedLines.Length}.";
    }
}
