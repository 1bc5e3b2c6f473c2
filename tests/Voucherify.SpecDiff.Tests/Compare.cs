using Voucherify.SpecDiff.Diff;
using Voucherify.SpecDiff.Spec;

namespace Voucherify.SpecDiff.Tests;

/// <summary>Parses two specs held in memory and compares them, as the command does after reading them from git.</summary>
internal static class Compare
{
    public static IReadOnlyList<Change> Specs(string before, string after) =>
        SpecComparer.Compare(Parse(before, "before.yaml"), Parse(after, "after.yaml"));

    public static Microsoft.OpenApi.OpenApiDocument Parse(string yaml, string name)
    {
        var loaded = SpecLoader.Load(yaml, name);
        Assert.True(loaded.Problems.Count == 0, string.Join("\n", loaded.Problems));
        return loaded.Document!;
    }

    /// <summary>"kind severity direction" of each change, distinct and sorted: what a theory row expects.</summary>
    public static string[] Summary(IEnumerable<Change> changes) =>
        changes.Select(c => $"{c.Kind} {c.Severity.Text()} {c.Direction.Text()}").Distinct().Order(StringComparer.Ordinal).ToArray();
}
