using Microsoft.OpenApi;

namespace Voucherify.SpecDiff.Diff;

/// <summary>
/// An operation's parameters (its path item's and its own, the operation's winning), matched by location and name;
/// path parameters by position, since their names never travel.
/// </summary>
internal static class ParameterComparer
{
    private sealed record Site(IOpenApiParameter Parameter, string Pointer, string Display);

    /// <summary>Compares the parameters of two matched operations.</summary>
    public static void Compare(ChangeCollector changes, OperationSite before, OperationSite after)
    {
        var id = after.Id;
        var was = Effective(before);
        var now = Effective(after);
        foreach (var (key, old) in was)
        {
            if (!now.TryGetValue(key, out var kept))
            {
                changes.Add(id, Direction.Request, old.Pointer, "parameter-removed", Severity.Breaking,
                    $"{old.Display} is gone; callers that send it are refused or silently ignored");
                continue;
            }
            CompareParameter(changes, id, old, kept);
        }
        foreach (var (key, added) in now.Where(n => !was.ContainsKey(n.Key)))
            changes.Add(id, Direction.Request, added.Pointer, added.Parameter.Required ? "required-parameter-added" : "optional-parameter-added",
                added.Parameter.Required ? Severity.Breaking : Severity.NonBreaking,
                added.Parameter.Required ? $"{added.Display} is new and required; calls without it are refused" : $"{added.Display} is new and optional");
    }

    private static void CompareParameter(ChangeCollector changes, string id, Site before, Site after)
    {
        var (b, a) = (before.Parameter, after.Parameter);
        if (b.Required != a.Required)
            changes.Add(id, Direction.Request, Pointer.Append(after.Pointer, "required"),
                a.Required ? "parameter-became-required" : "parameter-became-optional", a.Required ? Severity.Breaking : Severity.NonBreaking,
                a.Required ? $"{after.Display} is now required; calls without it are refused" : $"{after.Display} may now be omitted");
        if (b.In == ParameterLocation.Path && b.Name != a.Name)
            changes.Add(id, Direction.Request, Pointer.Append(after.Pointer, "name"), "path-parameter-renamed", Severity.Info,
                $"path parameter {b.Name} → {a.Name}: the wire is the same, the C# parameter is renamed", b.Name, a.Name);
        if (b.Style != a.Style || b.Explode != a.Explode)
            changes.Add(id, Direction.Request, after.Pointer, "parameter-serialization-changed", Severity.Breaking,
                $"{after.Display}: style/explode {b.Style}/{b.Explode} → {a.Style}/{a.Explode}; the value is written differently on the wire",
                $"{b.Style}/{b.Explode}", $"{a.Style}/{a.Explode}");
        if (b.Deprecated != a.Deprecated)
            changes.Add(id, Direction.Request, Pointer.Append(after.Pointer, "deprecated"), a.Deprecated ? "deprecated" : "undeprecated", Severity.Info,
                $"{after.Display} is {(a.Deprecated ? "now" : "no longer")} deprecated");
        ExtensionComparer.CompareOther(changes, id, Direction.Request, b.Extensions, a.Extensions, before.Pointer, after.Pointer, after.Display);
        new SchemaComparer(changes, id, Direction.Request).Compare(b.Schema, a.Schema,
            new SchemaSite(Pointer.Append(before.Pointer, "schema"), Pointer.Append(after.Pointer, "schema"), after.Display, ""));
    }

    /// <summary>The parameters in effect for an operation, keyed by location and name (path ones by position).</summary>
    private static Dictionary<string, Site> Effective(OperationSite operation)
    {
        var pathNames = operation.PathParameterNames();
        var sites = new Dictionary<string, Site>(StringComparer.Ordinal);
        void AddAll(IList<IOpenApiParameter>? parameters, string owner)
        {
            for (var i = 0; i < (parameters?.Count ?? 0); i++)
            {
                var parameter = parameters![i];
                var pointer = parameter is OpenApiParameterReference { Reference.Id: { } refId }
                    ? Pointer.Append(Pointer.Root, "components", "parameters", refId)
                    : Pointer.Append(owner, "parameters", i.ToString());
                var location = parameter.In?.ToString().ToLowerInvariant() ?? "?";
                var key = parameter.In == ParameterLocation.Path
                    ? $"path #{Math.Max(0, IndexOf(pathNames, parameter.Name))}"
                    : $"{location} {(parameter.In == ParameterLocation.Header ? parameter.Name?.ToLowerInvariant() : parameter.Name)}";
                sites[key] = new Site(parameter, pointer, $"{location} parameter `{parameter.Name}`");
            }
        }
        AddAll(operation.PathItem.Parameters, Pointer.Append(Pointer.Root, "paths", operation.Path));
        AddAll(operation.Operation.Parameters, operation.Pointer);
        return sites;
    }

    private static int IndexOf(IReadOnlyList<string> names, string? name)
    {
        for (var i = 0; i < names.Count; i++) if (names[i] == name) return i;
        return -1;
    }
}
