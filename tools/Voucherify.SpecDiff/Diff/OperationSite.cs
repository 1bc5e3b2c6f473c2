using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace Voucherify.SpecDiff.Diff;

/// <summary>An operation with where it sits: its path item, its pointer and the key it is matched by.</summary>
internal sealed partial record OperationSite(string Path, string Method, OpenApiOperation Operation, IOpenApiPathItem PathItem, string Pointer)
{
    /// <summary>The operation id, or <c>METHOD /path</c> when it has none.</summary>
    public string Id => Operation.OperationId ?? $"{Method} {Path}";

    /// <summary>Every operation of a document by its match key: the method and the path with parameter names left out.</summary>
    public static IReadOnlyDictionary<string, OperationSite> All(OpenApiDocument document)
    {
        var sites = new Dictionary<string, OperationSite>(StringComparer.Ordinal);
        foreach (var (path, item) in document.Paths ?? [])
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var verb = method.Method.ToUpperInvariant();
                var pointer = Diff.Pointer.Append(Diff.Pointer.Root, "paths", path, verb.ToLowerInvariant());
                sites[$"{verb} {PathParameter().Replace(path, "{}")}"] = new OperationSite(path, verb, operation, item, pointer);
            }
        return sites;
    }

    /// <summary>The names of the path's parameters, in order (they are matched by position).</summary>
    public IReadOnlyList<string> PathParameterNames() => PathParameter().Matches(Path).Select(m => m.Value[1..^1]).ToArray();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex PathParameter();
}
