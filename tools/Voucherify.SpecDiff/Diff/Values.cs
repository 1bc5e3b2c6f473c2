using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Voucherify.SpecDiff.Diff;

/// <summary>Turns model values (JSON nodes, numbers written as strings, extensions) into comparable text.</summary>
internal static class Values
{
    /// <summary>Compact JSON of a node; <c>null</c> for a YAML null (the reader keeps those as a sentinel string).</summary>
    public static string Json(JsonNode? node) =>
        node is null || node.IsJsonNullSentinel() ? "null" : node.ToJsonString();

    /// <summary>An extension's value as compact JSON, or null when the extension is absent.</summary>
    public static string? Extension(IDictionary<string, IOpenApiExtension>? extensions, string name) =>
        extensions is not null && extensions.TryGetValue(name, out var value) ? Extension(value) : null;

    /// <summary>An extension's value as compact JSON.</summary>
    public static string Extension(IOpenApiExtension value) => value is JsonNodeExtension json ? Json(json.Node) : value.ToString() ?? "";

    /// <summary>A number written in the spec (the model keeps bounds as strings), or null if absent or not a number.</summary>
    public static decimal? Number(string? text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>An optional integer as text (for bounds).</summary>
    public static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
