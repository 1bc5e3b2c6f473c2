using System.Diagnostics;

namespace Voucherify.SpecDiff.Tests;

/// <summary>A throwaway git repository laid out like this one (spec, changelog, public-API baselines), with real commits.</summary>
internal sealed class TempRepository : IDisposable
{
    public const string SpecPath = "openapi/voucherify-customers.yaml";
    public const string BaselinePath = "tests/Voucherify.Tests/Sdk/PublicApi.Voucherify.approved.txt";

    public string Root { get; } = Directory.CreateTempSubdirectory("spec-diff-").FullName;

    public TempRepository() => Git("init", "-q", "-b", "main");

    public TempRepository Write(string path, string text)
    {
        var file = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return this;
    }

    public TempRepository Commit(string message = "commit")
    {
        Git("add", "-A");
        Git("-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", "commit", "-q", "-m", message);
        return this;
    }

    /// <summary>Runs the command in-process from the repository root.</summary>
    public (int Code, string Output, string Error) Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = Cli.SpecDiffCommand.Run(args, output, error, Root);
        return (code, output.ToString(), error.ToString());
    }

    public void Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEndAsync();
        git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        if (git.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {error.Result}");
    }

    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)) File.SetAttributes(file, FileAttributes.Normal);
        Directory.Delete(Root, recursive: true);
    }
}
