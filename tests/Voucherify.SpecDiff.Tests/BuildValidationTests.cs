using System.Diagnostics;

namespace Voucherify.SpecDiff.Tests;

/// <summary>
/// The library build checks the spec before NSwag runs (build/NSwag.targets, target VoucherifyValidateSpec): a broken
/// spec is one build error naming the file, the line, the JSON pointer and the problem, and NSwag never starts. Runs
/// the real targets on src/Voucherify/Voucherify.csproj with the spec pointed at a copy in a temporary folder.
/// </summary>
public sealed class BuildValidationTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("spec-check-").FullName;
    private readonly string _root = Path.GetDirectoryName(Path.GetDirectoryName(SpecValidationTests.RepositorySpec()))!;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task A_dangling_ref_fails_the_build_with_one_located_error_before_nswag_runs()
    {
        var spec = Path.Combine(_scratch, "voucherify-customers.yaml");
        var text = await File.ReadAllTextAsync(SpecValidationTests.RepositorySpec());
        await File.WriteAllTextAsync(spec, SampleSpec.Edit(text, "$ref: '#/components/schemas/CustomerActivity'", "$ref: '#/components/schemas/CustomerActivty'"));

        var (code, log) = await MSBuildAsync("NSwagGenerate", spec);

        Assert.NotEqual(0, code);
        var errors = log.Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).ToList();
        var error = Assert.Single(errors);
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(spec)}\(\d+,\d+\) ?: error VSPEC001: #/components/schemas/\w+/properties/\w+/items/\$ref: " +
                       @"\$ref '#/components/schemas/CustomerActivty' does not resolve: #/components/schemas has no 'CustomerActivty'", error.Trim());
        Assert.DoesNotContain("NSwag: generating", log);
        Assert.DoesNotContain("dotnet-nswag", log);
    }

    [Fact]
    public async Task The_repository_spec_passes_the_check()
    {
        var (code, log) = await MSBuildAsync("VoucherifyValidateSpec", SpecValidationTests.RepositorySpec());

        Assert.True(code == 0, log);
        Assert.DoesNotContain("VSPEC001", log);
    }

    /// <summary>
    /// Runs one target of the library project with the spec replaced and the generated file pointed into the scratch
    /// folder (so the target is never up to date and never touches the committed file).
    /// </summary>
    private async Task<(int Code, string Log)> MSBuildAsync(string target, string spec)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "msbuild", "src/Voucherify/Voucherify.csproj", $"-t:{target}", "-nologo", "-v:minimal", "-nodeReuse:false",
                     $"-p:VoucherifySpecFile={spec}", $"-p:NSwagGeneratedFile={Path.Combine(_scratch, "VoucherifyClient.g.cs")}" })
            start.ArgumentList.Add(argument);
        // The test host's MSBuild variables belong to the test run, not to a build of the repository.
        foreach (var name in new[] { "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
            start.Environment.Remove(name);
        using var msbuild = Process.Start(start)!;
        var error = msbuild.StandardError.ReadToEndAsync();
        var output = await msbuild.StandardOutput.ReadToEndAsync();
        await msbuild.WaitForExitAsync();
        return (msbuild.ExitCode, output + await error);
    }
}
