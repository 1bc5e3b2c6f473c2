using Microsoft.OpenApi;

namespace Voucherify.SpecDiff.Diff;

/// <summary>
/// Compares two parsed specs operation by operation. Operations are matched by method and path with the path
/// parameters' names left out (renaming <c>{customerId}</c> changes nothing on the wire); within an operation, the
/// parameters, the request body and each response are compared, and their schemas walked in their direction.
/// </summary>
internal static class SpecComparer
{
    /// <summary>Every change from <paramref name="before"/> to <paramref name="after"/>, merged and ordered.</summary>
    public static IReadOnlyList<Change> Compare(OpenApiDocument before, OpenApiDocument after)
    {
        var changes = new ChangeCollector();
        var was = OperationSite.All(before);
        var now = OperationSite.All(after);
        foreach (var (key, old) in was)
        {
            if (now.TryGetValue(key, out var kept)) CompareOperation(changes, old, kept);
            else changes.Add(old.Id, Direction.Operation, old.Pointer, "operation-removed", Severity.Breaking,
                $"{old.Method} {old.Path} is gone; every call to it fails");
        }
        foreach (var (key, added) in now.Where(n => !was.ContainsKey(n.Key)))
            changes.Add(added.Id, Direction.Operation, added.Pointer, "operation-added", Severity.NonBreaking, $"{added.Method} {added.Path} is new");
        CompareServers(changes, before, after);
        ExtensionComparer.CompareOther(changes, null, Direction.Operation, before.Info?.Extensions, after.Info?.Extensions,
            Pointer.Append(Pointer.Root, "info"), Pointer.Append(Pointer.Root, "info"), "the document");
        return changes.Changes();
    }

    private static void CompareOperation(ChangeCollector changes, OperationSite before, OperationSite after)
    {
        var id = after.Id;
        var (b, a) = (before.Operation, after.Operation);
        if (before.Id != after.Id)
            changes.Add(id, Direction.Operation, Pointer.Append(after.Pointer, "operationId"), "operation-id-changed", Severity.Info,
                $"operationId {before.Id} → {after.Id}: the wire is the same, the generated C# method is renamed (see C# callers)", before.Id, after.Id);
        if (before.Path != after.Path)
            changes.Add(id, Direction.Operation, after.Pointer, "path-parameter-renamed", Severity.Info,
                $"{before.Path} → {after.Path}: only path parameter names differ; the wire is the same", before.Path, after.Path);
        var (tagsWas, tagsNow) = (Tags(b), Tags(a));
        if (tagsWas != tagsNow)
            changes.Add(id, Direction.Operation, Pointer.Append(after.Pointer, "tags"), "tags-changed", Severity.Info,
                $"tags {tagsWas} → {tagsNow}: the tag picks the generated client class, so the C# method moves", tagsWas, tagsNow);
        if (b.Deprecated != a.Deprecated)
            changes.Add(id, Direction.Operation, Pointer.Append(after.Pointer, "deprecated"), a.Deprecated ? "deprecated" : "undeprecated", Severity.Info,
                $"the operation is {(a.Deprecated ? "now" : "no longer")} deprecated");
        ExtensionComparer.CompareOperation(changes, id, b.Extensions, a.Extensions, before.Pointer, after.Pointer);
        ParameterComparer.Compare(changes, before, after);
        BodyComparer.CompareRequest(changes, id, b.RequestBody, a.RequestBody, before.Pointer, after.Pointer);
        BodyComparer.CompareResponses(changes, id, b.Responses, a.Responses, before.Pointer, after.Pointer);
    }

    private static string Tags(OpenApiOperation operation) =>
        string.Join(", ", (operation.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Reference?.Id ?? t.Name ?? "?").Order(StringComparer.Ordinal));

    private static void CompareServers(ChangeCollector changes, OpenApiDocument before, OpenApiDocument after)
    {
        var was = (before.Servers ?? []).Select(s => s.Url ?? "").ToList();
        var now = (after.Servers ?? []).Select(s => s.Url ?? "").ToList();
        for (var i = 0; i < was.Count; i++)
            if (!now.Contains(was[i]))
                changes.Add(null, Direction.Operation, Pointer.Append(Pointer.Root, "servers", i.ToString()), "server-removed", Severity.Breaking,
                    $"server {was[i]} is gone; callers configured for it lose their documented base URL", was[i], null);
        for (var i = 0; i < now.Count; i++)
            if (!was.Contains(now[i]))
                changes.Add(null, Direction.Operation, Pointer.Append(Pointer.Root, "servers", i.ToString()), "server-added", Severity.NonBreaking,
                    $"server {now[i]} is new", null, now[i]);
    }
}
