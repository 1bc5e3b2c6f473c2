using System.Text.Json;
using Voucherify.SpecDiff.Diff;

namespace Voucherify.SpecDiff.Reporting;

/// <summary>
/// The report as a JSON array, one object per change: <c>location</c>, <c>change</c>, <c>severity</c>
/// (<c>breaking</c> | <c>non-breaking</c> | <c>info</c>), <c>reason</c>, <c>scope</c> (<c>api</c> | <c>csharp</c>),
/// <c>operations</c>, <c>direction</c>, <c>before</c>/<c>after</c> when known, <c>acknowledged</c> for breaking API
/// changes and <c>package</c> for C# ones.
/// </summary>
internal static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Renders <paramref name="report"/>.</summary>
    public static string Render(Report report) => JsonSerializer.Serialize(report.All.Select(Entry).ToArray(), Options);

    /// <summary>One change; members that do not apply are left out rather than written as null.</summary>
    private static Dictionary<string, object> Entry(Change change) => new Dictionary<string, object?>
    {
        ["location"] = change.Location,
        ["change"] = change.Kind,
        ["severity"] = change.Severity.Text(),
        ["reason"] = change.Reason,
        ["scope"] = change.Scope,
        ["operations"] = change.Operations,
        ["direction"] = change.Scope == Change.ApiScope ? change.Direction.Text() : null,
        ["before"] = change.Before,
        ["after"] = change.After,
        ["acknowledged"] = change.Scope == Change.ApiScope && change.Severity == Severity.Breaking ? change.Acknowledged : null,
        ["package"] = change.Package,
    }.Where(e => e.Value is not null).ToDictionary(e => e.Key, e => e.Value!);
}
