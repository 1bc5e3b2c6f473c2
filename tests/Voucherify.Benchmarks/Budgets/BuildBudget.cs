using System.Diagnostics;
using System.Globalization;

namespace Voucherify.Benchmarks.Budgets;

/// <summary>
/// Build times, and proof that a no-change rebuild skips the NSwag generation step. By default it works on a fresh
/// clone of the repository's last commit (so bin/obj start empty): clean build, no-change rebuild, and a rebuild
/// after touching the spec (which must regenerate), for the library and for the solution.
/// With <c>--in-place true</c> it only checks a no-change rebuild of the library (net10.0) in the working tree,
/// which is what CI does.
/// </summary>
internal static class BuildBudget
{
    private const string SkipLine = "Skipping target \"NSwagGenerate\"";
    private const string GenerateLine = "NSwag: generating";
    private const string LibraryProject = "src/Voucherify/Voucherify.csproj";

    private sealed record Step(string Name, TimeSpan Time, bool Generated, bool Skipped);

    public static async Task<bool> RunAsync(BudgetOptions options)
    {
        var repo = options.Text("repo", FindRepositoryRoot());
        if (options.Text("in-place", "false") == "true")
            return await CheckInPlaceAsync(repo);

        // The commit being measured, named in the output.
        var commit = (await RunAsync("git", repo, "rev-parse", "HEAD")).Trim();
        var passed = true;
        Console.WriteLine();
        Console.WriteLine($"Builds of a fresh clone of {repo} at {commit[..8]} per target, Debug, warm NuGet cache and build servers");
        Console.WriteLine("| target | clean build | no-change rebuild | rebuild after touching the spec | no-change / spec-touched | NSwag skipped on no-change | NSwag ran after touch |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|---|");
        foreach (var target in new[] { LibraryProject, "Voucherify.sln" })
        {
            // A clone per target, so that the second one's clean build does not find the first one's outputs.
            var clone = Path.Combine(Path.GetTempPath(), "voucherify-build-" + Guid.NewGuid().ToString("N")[..8]);
            await RunAsync("git", repo, "clone", "--quiet", "--no-hardlinks", "--no-checkout", repo, clone);
            try
            {
                await RunAsync("git", clone, "checkout", "--quiet", commit);
                await RunAsync("dotnet", clone, "restore", target, "-nologo", "-v:q");
                var clean = await BuildAsync(clone, target, "clean build");
                var noChange = await BuildAsync(clone, target, "no-change rebuild");
                File.SetLastWriteTimeUtc(Path.Combine(clone, "openapi", "voucherify-customers.yaml"), DateTime.UtcNow);
                var touched = await BuildAsync(clone, target, "spec touched");
                var ok = noChange.Skipped && !noChange.Generated && touched.Generated;
                passed &= ok;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {target} | {clean.Time.TotalSeconds:F1} s | {noChange.Time.TotalSeconds:F1} s | {touched.Time.TotalSeconds:F1} s | {noChange.Time / touched.Time:F2} | {(noChange.Skipped ? "yes" : "NO")} | {(touched.Generated ? "yes" : "NO")} |"));
            }
            finally
            {
                Directory.Delete(clone, recursive: true);
            }
        }
        Console.WriteLine(passed ? "PASS" : "FAIL: a no-change rebuild ran NSwag, or a spec change did not");
        return passed;
    }

    private static async Task<bool> CheckInPlaceAsync(string repo)
    {
        string[] args = ["build", LibraryProject, "-c", "Release", "-f", "net10.0", "--no-restore", "-nologo", "-v:n"];
        await RunAsync("dotnet", repo, args);
        var rebuild = await BuildAsync(repo, LibraryProject, "no-change rebuild", "-c", "Release", "-f", "net10.0");
        var passed = rebuild.Skipped && !rebuild.Generated;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"no-change rebuild of {LibraryProject} (net10.0, Release): {rebuild.Time.TotalSeconds:F1} s, NSwag skipped: {(rebuild.Skipped ? "yes" : "no")}"));
        Console.WriteLine(passed ? "PASS" : $"FAIL: the log has no '{SkipLine}' line, or NSwag ran");
        return passed;
    }

    private static async Task<Step> BuildAsync(string directory, string target, string name, params string[] extra)
    {
        var clock = Stopwatch.StartNew();
        var log = await RunAsync("dotnet", directory, ["build", target, "--no-restore", "-nologo", "-v:n", .. extra]);
        return new Step(name, clock.Elapsed, log.Contains(GenerateLine, StringComparison.Ordinal), log.Contains(SkipLine, StringComparison.Ordinal));
    }

    private static async Task<string> RunAsync(string file, string directory, params string[] args)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}):\n{await output}\n{await error}");
        return await output;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Voucherify.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run from inside the repository, or pass --repo <path>.");
    }
}
