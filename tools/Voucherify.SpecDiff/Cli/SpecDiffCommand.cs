using Voucherify.SpecDiff.Diff;
using Voucherify.SpecDiff.Git;
using Voucherify.SpecDiff.PublicApi;
using Voucherify.SpecDiff.Reporting;
using Voucherify.SpecDiff.Spec;

namespace Voucherify.SpecDiff.Cli;

/// <summary>The whole command: arguments in, report out, exit code back. Tests run it in-process.</summary>
internal static class SpecDiffCommand
{
    /// <summary>An empty spec stands in for a base that has none, so every operation shows as added.</summary>
    private const string EmptySpec = "openapi: 3.0.3\ninfo: { title: none, version: none }\npaths: {}\n";

    /// <summary>Runs the command as the process would; the report goes to <paramref name="output"/>, errors to <paramref name="error"/>.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, string currentDirectory)
    {
        var arguments = Arguments.Parse(args);
        if (arguments.Error is not null)
        {
            error.WriteLine($"spec-diff: {arguments.Error}");
            error.WriteLine(Arguments.Usage);
            return ExitCodes.UsageError;
        }
        return arguments.Validate is not null
            ? Validate(Path.GetFullPath(arguments.Validate, currentDirectory), arguments.Format, output)
            : Diff(arguments, output, error, currentDirectory);
    }

    /// <summary>
    /// The spec check: one canonical error line per problem, or for the build (<c>--format msbuild</c>) the first
    /// problem's fields separated by tabs, the count of the others in its message.
    /// </summary>
    private static int Validate(string path, string format, TextWriter output)
    {
        var problems = File.Exists(path)
            ? SpecLoader.Load(File.ReadAllText(path), path, Path.GetDirectoryName(path)).Problems
            : [new SpecProblem(path, 1, 1, Pointer.Root, "the spec file does not exist")];
        if (format == "msbuild" && problems.Count > 0)
        {
            var first = problems[0];
            var more = problems.Count > 1 ? $" (and {problems.Count - 1} more: tools/spec-diff --validate {path})" : "";
            output.WriteLine($"{first.File}\t{first.Line}\t{first.Column}\t{first.Pointer}: {first.Message}{more}");
        }
        else
            foreach (var problem in problems) output.WriteLine(problem);
        return problems.Count == 0 ? ExitCodes.Ok : ExitCodes.InvalidSpec;
    }

    private static int Diff(Arguments arguments, TextWriter output, TextWriter error, string currentDirectory)
    {
        var repository = GitRepository.Find(Path.GetFullPath(arguments.Repo ?? ".", currentDirectory));
        if (repository is null)
        {
            error.WriteLine($"spec-diff: {arguments.Repo ?? currentDirectory} is not inside a git work tree");
            return ExitCodes.UsageError;
        }
        var commit = repository.ResolveCommit(arguments.Base!);
        if (commit is null)
        {
            error.WriteLine($"spec-diff: --base '{arguments.Base}' does not resolve to a commit in {repository.Root}");
            return ExitCodes.UsageError;
        }

        var notes = new List<string>();
        var specFile = Path.Combine(repository.Root, arguments.Spec);
        if (!File.Exists(specFile))
        {
            error.WriteLine($"spec-diff: {arguments.Spec} does not exist in the working tree");
            return ExitCodes.InvalidSpec;
        }
        var baseText = repository.Show(commit, arguments.Spec);
        if (baseText is null) notes.Add($"`{arguments.Spec}` does not exist at `{arguments.Base}`: every operation counts as new.");
        var before = SpecLoader.Load(baseText ?? EmptySpec, $"{arguments.Spec}@{arguments.Base}");
        var after = SpecLoader.Load(File.ReadAllText(specFile), arguments.Spec, Path.GetDirectoryName(specFile));
        var problems = before.Problems.Concat(after.Problems).ToList();
        if (problems.Count > 0)
        {
            foreach (var problem in problems) error.WriteLine(problem);
            return ExitCodes.InvalidSpec;
        }

        var changelogFile = Path.Combine(repository.Root, arguments.Changelog);
        var acknowledgements = File.Exists(changelogFile) ? Acknowledgements.FromChangelog(File.ReadAllText(changelogFile)) : Acknowledgements.None;
        var api = SpecComparer.Compare(before.Document!, after.Document!)
            .Select(c => c.Severity == Severity.Breaking ? c with { Acknowledged = acknowledgements.Cover(c.Location) } : c)
            .ToArray();
        var report = new Report(arguments.Spec, arguments.Base!, commit, api, CompareBaselines(repository, commit, arguments.PublicApi), notes);

        output.Write(MarkdownReport.Render(report));
        if (arguments.Json is not null)
        {
            try
            {
                File.WriteAllText(Path.GetFullPath(arguments.Json, currentDirectory), JsonReport.Render(report));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"spec-diff: cannot write {arguments.Json}: {e.Message}");
                return ExitCodes.UsageError;
            }
        }
        return report.Unacknowledged.Count > 0 ? ExitCodes.UnacknowledgedBreaking : ExitCodes.Ok;
    }

    /// <summary>Every package's baseline at the base and in the working tree (a package present on one side only counts whole).</summary>
    private static IReadOnlyList<Change> CompareBaselines(GitRepository repository, string commit, string directory)
    {
        const string prefix = "PublicApi.", suffix = ".approved.txt";
        static bool IsBaseline(string name) => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(suffix, StringComparison.Ordinal);
        var folder = Path.Combine(repository.Root, directory);
        var names = repository.ListFiles(commit, directory).Select(Path.GetFileName).OfType<string>()
            .Concat(Directory.Exists(folder) ? Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>() : [])
            .Where(IsBaseline)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return names.SelectMany(name =>
        {
            var file = Path.Combine(folder, name);
            return PublicApiComparer.Compare(name[prefix.Length..^suffix.Length],
                repository.Show(commit, $"{directory.TrimEnd('/')}/{name}"),
                File.Exists(file) ? File.ReadAllText(file) : null);
        }).ToArray();
    }
}
