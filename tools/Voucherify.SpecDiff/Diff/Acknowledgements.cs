using System.Text.RegularExpressions;

namespace Voucherify.SpecDiff.Diff;

/// <summary>
/// A breaking change is acknowledged by naming its location in CHANGELOG.md's <c>## [Unreleased]</c> section, in
/// backticks: <c>`#/components/parameters/limit/schema/maximum`</c> (the leading <c>#</c> may be left out). A pointer to
/// an operation or a component (<c>`#/paths/~1v1~1customers/get`</c>, <c>`#/components/schemas/Customer`</c>) or
/// anything deeper acknowledges every breaking change at or below it; shorter ones acknowledge nothing, so one entry
/// cannot wave through a whole file. The entry is part of the pull request, so a reviewer sees exactly what was
/// accepted, and it goes away with the release.
/// </summary>
internal sealed partial class Acknowledgements(IReadOnlySet<string> pointers)
{
    /// <summary>The fewest reference tokens a pointer needs to acknowledge anything: an operation or a component.</summary>
    private const int MinimumDepth = 3;

    /// <summary>No acknowledgements (no CHANGELOG.md).</summary>
    public static Acknowledgements None { get; } = new(new HashSet<string>());

    /// <summary>The pointers named in <paramref name="changelog"/>'s Unreleased section.</summary>
    public static Acknowledgements FromChangelog(string? changelog)
    {
        var section = UnreleasedSection(changelog ?? "");
        var pointers = Backticked().Matches(section)
            .Select(m => m.Groups[1].Value.Trim())
            .Select(s => s.StartsWith("#/", StringComparison.Ordinal) ? s : s.StartsWith('/') ? "#" + s : null)
            .OfType<string>()
            .Where(p => Pointer.Tokens(p).Count >= MinimumDepth)
            .ToHashSet(StringComparer.Ordinal);
        return new Acknowledgements(pointers);
    }

    /// <summary>The pointers found, for the report.</summary>
    public IReadOnlySet<string> Pointers => pointers;

    /// <summary>Whether a change at <paramref name="location"/> is acknowledged.</summary>
    public bool Cover(string location) =>
        pointers.Contains(location) || pointers.Any(p => location.StartsWith(p + "/", StringComparison.Ordinal));

    /// <summary>The text from <c>## [Unreleased]</c> to the next second-level heading.</summary>
    private static string UnreleasedSection(string changelog)
    {
        var lines = changelog.ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimEnd().Equals("## [Unreleased]", StringComparison.OrdinalIgnoreCase));
        if (start < 0) return "";
        var end = Array.FindIndex(lines, start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
        return string.Join('\n', lines[(start + 1)..(end < 0 ? lines.Length : end)]);
    }

    [GeneratedRegex("`([^`\n]+)`")]
    private static partial Regex Backticked();
}
