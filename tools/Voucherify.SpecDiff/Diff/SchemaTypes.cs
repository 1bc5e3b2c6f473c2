using Microsoft.OpenApi;

namespace Voucherify.SpecDiff.Diff;

/// <summary>Reading and comparing a schema's <c>type</c> (with OpenAPI 3.0's <c>nullable</c> folded in as <c>null</c>).</summary>
internal static class SchemaTypes
{
    private static readonly JsonSchemaType[] Each = Enum.GetValues<JsonSchemaType>();

    /// <summary><c>string</c>, <c>integer | null</c>, or <c>any</c> when no type is given.</summary>
    public static string Describe(JsonSchemaType? type) =>
        type is not { } t ? "any" : string.Join(" | ", Each.Where(f => t.HasFlag(f)).Select(f => f.ToString().ToLowerInvariant()));

    /// <summary>Whether every value of <paramref name="narrower"/> is a value of <paramref name="wider"/>.</summary>
    public static bool Covers(JsonSchemaType? wider, JsonSchemaType? narrower)
    {
        if (wider is not { } w) return true;
        if (narrower is not { } n) return false;
        return Each.Where(f => n.HasFlag(f)).All(f => w.HasFlag(f) || (f == JsonSchemaType.Integer && w.HasFlag(JsonSchemaType.Number)));
    }

    /// <summary>The type without <c>null</c>.</summary>
    public static JsonSchemaType? WithoutNull(JsonSchemaType? type) => type is { } t ? t & ~JsonSchemaType.Null : null;

    /// <summary>Whether the type admits <c>null</c>.</summary>
    public static bool IsNullable(JsonSchemaType? type) => type is { } t && t.HasFlag(JsonSchemaType.Null);

    /// <summary>Format changes that only admit more values (a 64-bit integer holds every 32-bit one).</summary>
    public static bool FormatWidens(string before, string after) => (before, after) switch
    {
        ("int32", "int64") => true,
        ("float", "double") => true,
        _ => false,
    };
}
