using System.Text;
using Voucherify.SpecDiff.Diff;

namespace Voucherify.SpecDiff.Reporting;

/// <summary>The report as Markdown, fit for a pull-request comment and readable in a CI log.</summary>
internal static class MarkdownReport
{
    /// <summary>Renders <paramref name="report"/>.</summary>
    public static string Render(Report report)
    {
        var text = new StringBuilder();
        text.AppendLine($"## Contract changes: `{report.SpecPath}`, `{report.BaseRef}` ({report.BaseCommit[..Math.Min(12, report.BaseCommit.Length)]}) → working tree");
        text.AppendLine();
        var unacknowledged = report.Unacknowledged.Count;
        text.AppendLine(unacknowledged == 0
            ? "**No unacknowledged breaking change.** " + Counts(report)
            : $"**{unacknowledged} breaking change{(unacknowledged == 1 ? " is" : "s are")} not acknowledged.** " + Counts(report));
        foreach (var note in report.Notes) text.AppendLine().AppendLine($"> {note}");

        Section(text, "API callers", "Operations", "Location", "No change to the HTTP contract.", report.Api,
            c => (ApiSeverity(c), Operations(c), c.Location));
        if (unacknowledged > 0)
        {
            text.AppendLine().AppendLine("To accept a breaking change, name its location in backticks under `## [Unreleased]` in CHANGELOG.md " +
                "(a pointer to the operation or component acknowledges everything below it), e.g.:").AppendLine();
            text.AppendLine("```markdown");
            foreach (var location in report.Unacknowledged.Select(c => c.Location).Distinct().Take(5)) text.AppendLine($"- `{location}`: <what callers must do>");
            text.AppendLine("```");
        }

        Section(text, "C# callers of this SDK (public-API baseline)", "Package", "Member",
            "No change to the public API baselines (`tests/Voucherify.Tests/Sdk/PublicApi.*.approved.txt`).", report.CSharp,
            c => (CSharpSeverity(c.Severity), c.Package ?? "", c.Location["csharp:".Length..]));
        return text.ToString();
    }

    /// <summary>A heading and a table of changes (severity, who, where, kind, reason), or a sentence when there are none.</summary>
    private static void Section(StringBuilder text, string heading, string who, string where, string none, IReadOnlyList<Change> changes,
        Func<Change, (string Severity, string Who, string Where)> columns)
    {
        text.AppendLine().AppendLine($"### {heading}").AppendLine();
        if (changes.Count == 0) { text.AppendLine(none); return; }
        text.AppendLine($"| Severity | {who} | {where} | Change | Reason |").AppendLine("|---|---|---|---|---|");
        foreach (var change in changes)
        {
            var (severity, by, at) = columns(change);
            text.AppendLine($"| {severity} | {by} | `{Cell(at)}` | {Cell(change.Kind)} | {Cell(change.Reason)} |");
        }
    }

    private static string Counts(Report report)
    {
        string Count(IEnumerable<Change> changes, Severity severity) => changes.Count(c => c.Severity == severity).ToString();
        return $"API: {Count(report.Api, Severity.Breaking)} breaking, {Count(report.Api, Severity.NonBreaking)} non-breaking, {Count(report.Api, Severity.Info)} info. " +
               $"C#: {Count(report.CSharp, Severity.Breaking)} source-breaking, {Count(report.CSharp, Severity.NonBreaking)} additive, {Count(report.CSharp, Severity.Info)} info.";
    }

    private static string ApiSeverity(Change change) => change.Severity switch
    {
        Severity.Breaking => change.Acknowledged ? "breaking (acknowledged)" : "**breaking**",
        _ => change.Severity.Text(),
    };

    /// <summary>C# callers' words: a removed member breaks their source, a new one adds to it.</summary>
    public static string CSharpSeverity(Severity severity) => severity switch
    {
        Severity.Breaking => "**source-breaking**",
        Severity.NonBreaking => "additive",
        _ => "info",
    };

    private static string Operations(Change change) =>
        change.Operations.Count == 0 ? "(document)" : string.Join(", ", change.Operations.Select(o => $"`{o}`"));

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
