namespace Voucherify.SpecDiff.Diff;

/// <summary>What a change does to existing callers.</summary>
internal enum Severity
{
    /// <summary>A caller that worked before can fail or misbehave (or, for C#, no longer compiles).</summary>
    Breaking,

    /// <summary>Additive or widening: existing callers keep working.</summary>
    NonBreaking,

    /// <summary>Nothing a caller relies on changes, but a reviewer should see it.</summary>
    Info,
}

internal static class SeverityText
{
    /// <summary>The report's and the JSON's spelling: <c>breaking</c>, <c>non-breaking</c>, <c>info</c>.</summary>
    public static string Text(this Severity severity) => severity switch
    {
        Severity.Breaking => "breaking",
        Severity.NonBreaking => "non-breaking",
        _ => "info",
    };
}
