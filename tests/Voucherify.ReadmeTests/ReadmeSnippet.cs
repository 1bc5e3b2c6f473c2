using System.Text.RegularExpressions;

namespace Voucherify.ReadmeTests;

/// <summary>How a README block is meant to be used, from the marker on the line before its fence.</summary>
public enum SnippetKind
{
    /// <summary>No marker: a whole program (top-level statements, then any types), compiled as pasted.</summary>
    Program,

    /// <summary><c>&lt;!-- snippet: run --&gt;</c>: a whole program that is also run, against the in-process sandbox.</summary>
    Run,

    /// <summary>
    /// <c>&lt;!-- snippet: fragment(voucherify, builder) --&gt;</c>: statements that use the named variables of the
    /// surrounding text; its <c>using</c> lines stay on top and the rest becomes the body of a method taking them.
    /// </summary>
    Fragment,
}

/// <summary>One <c>```csharp</c> block of a README: where it is, how it is meant, and its text.</summary>
public sealed record ReadmeSnippet(string File, int Line, SnippetKind Kind, IReadOnlyList<string> Assumes, string Code)
{
    private static readonly Regex Marker = new(@"^<!--\s*snippet:\s*(?<kind>[a-z]+)\s*(\((?<names>[^)]*)\))?\s*-->$", RegexOptions.CultureInvariant);

    /// <summary>For test names: <c>README.md:59</c>.</summary>
    public override string ToString() => $"{File}:{Line}";

    /// <summary>The repository's root: the nearest directory above the test binaries that holds Voucherify.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            if (System.IO.File.Exists(Path.Combine(directory.FullName, "Voucherify.sln"))) return directory.FullName;
        throw new InvalidOperationException("Voucherify.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The READMEs whose C# must compile: the repository's and every package's.</summary>
    public static IEnumerable<string> ReadmeFiles(string root) =>
        new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.GetDirectories(Path.Combine(root, "src")).OrderBy(d => d, StringComparer.Ordinal)
                .Select(d => Path.Combine(d, "README.md")).Where(System.IO.File.Exists));

    public static IReadOnlyList<ReadmeSnippet> Extract(string root) =>
        ReadmeFiles(root).SelectMany(file => Extract(Path.GetRelativePath(root, file).Replace('\\', '/'), System.IO.File.ReadAllLines(file))).ToList();

    /// <exception cref="FormatException">A marker is malformed or names an unknown kind, or a block is never closed.</exception>
    public static IEnumerable<ReadmeSnippet> Extract(string file, IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].TrimEnd() != "```csharp") continue;
            var start = i + 1;
            var end = start;
            while (end < lines.Count && lines[end].TrimEnd() != "```") end++;
            if (end == lines.Count) throw new FormatException($"{file}:{i + 1}: the C# block is never closed.");
            var (kind, assumes) = ReadMarker(file, i, i > 0 ? lines[i - 1].Trim() : "");
            yield return new ReadmeSnippet(file, i + 1, kind, assumes, string.Join("\n", lines.Skip(start).Take(end - start)));
            i = end;
        }
    }

    private static (SnippetKind Kind, IReadOnlyList<string> Assumes) ReadMarker(string file, int fenceIndex, string previous)
    {
        if (!previous.StartsWith("<!--", StringComparison.Ordinal) || !previous.Contains("snippet", StringComparison.Ordinal)) return (SnippetKind.Program, []);
        var match = Marker.Match(previous);
        if (!match.Success) throw new FormatException($"{file}:{fenceIndex}: malformed snippet marker '{previous}'.");
        var names = match.Groups["names"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return match.Groups["kind"].Value switch
        {
            "run" when names.Length == 0 => (SnippetKind.Run, []),
            "fragment" => (SnippetKind.Fragment, names),
            _ => throw new FormatException($"{file}:{fenceIndex}: unknown snippet marker '{previous}' (use run, or fragment(names)).")
        };
    }
}
