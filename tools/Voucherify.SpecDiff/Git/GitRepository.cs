using System.Diagnostics;
using System.Text;

namespace Voucherify.SpecDiff.Git;

/// <summary>The few git questions the report asks, answered by the git command line in <see cref="Root"/>.</summary>
internal sealed class GitRepository(string root)
{
    /// <summary>The work tree's top directory.</summary>
    public string Root { get; } = root;

    /// <summary>The work tree containing <paramref name="directory"/>, or null when it is not inside one (or git is missing).</summary>
    public static GitRepository? Find(string directory)
    {
        var (code, output, _) = Run(directory, "rev-parse", "--show-toplevel");
        return code == 0 ? new GitRepository(output.Trim()) : null;
    }

    /// <summary>The full commit id <paramref name="revision"/> names, or null when it names no commit.</summary>
    public string? ResolveCommit(string revision)
    {
        if (revision.StartsWith('-')) return null;   // never let a ref be read as an option
        var (code, output, _) = Run(Root, "rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}");
        return code == 0 ? output.Trim() : null;
    }

    /// <summary>The text of <paramref name="path"/> (relative to the root) at <paramref name="commit"/>, or null when the commit has no such file.</summary>
    public string? Show(string commit, string path)
    {
        var (code, output, _) = Run(Root, "show", $"{commit}:{path.Replace('\\', '/')}");
        return code == 0 ? output : null;
    }

    /// <summary>The files directly in <paramref name="directory"/> at <paramref name="commit"/> (paths relative to the root).</summary>
    public IReadOnlyList<string> ListFiles(string commit, string directory)
    {
        var (code, output, _) = Run(Root, "ls-tree", "--name-only", commit, "--", directory.TrimEnd('/') + "/");
        return code == 0 ? output.Split('\n', StringSplitOptions.RemoveEmptyEntries) : [];
    }

    private static (int Code, string Output, string Error) Run(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            using var git = Process.Start(start)!;
            var error = git.StandardError.ReadToEndAsync();
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            return (git.ExitCode, output, error.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, "", "git could not be started: " + e.Message);
        }
    }
}
