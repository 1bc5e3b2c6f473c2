using Newtonsoft.Json.Linq;

namespace Voucherify.ContractTests.Drift;

/// <summary>The type of one parameter or one body member, as far as the drift report compares it.</summary>
internal sealed record SchemaFacts(string Type, string? Format, bool Nullable, IReadOnlyList<string> Enum)
{
    public string Describe() => Type + (Format is null ? string.Empty : $" ({Format})") + (Enum.Count == 0 ? string.Empty : $" enum[{Enum.Count}]");
}

/// <summary>
/// What one OpenAPI document says about each operation, flattened to comparable facts keyed by where they are:
/// <c>list-customers query created_at[before]</c>, <c>create-customer body address.city</c>,
/// <c>get-customer 200 summary.orders.total_amount</c>. Arrays add <c>[]</c>, maps <c>{}</c>.
/// </summary>
internal sealed class ContractFacts
{
    private const int MaxDepth = 12;

    /// <summary>operationId → <c>METHOD /path</c>.</summary>
    public Dictionary<string, string> Operations { get; } = [];
    public Dictionary<string, SchemaFacts> Parameters { get; } = [];
    public Dictionary<string, SchemaFacts> RequestMembers { get; } = [];
    public HashSet<string> Statuses { get; } = [];
    public Dictionary<string, SchemaFacts> ResponseMembers { get; } = [];

    public static ContractFacts From(OpenApiDocument document)
    {
        var facts = new ContractFacts();
        foreach (var path in ((JObject)document.Root["paths"]!).Properties())
        {
            var pathParameters = path.Value["parameters"] as JArray ?? [];
            foreach (var operation in ((JObject)path.Value).Properties().Where(p => p.Name != "parameters"))
                facts.AddOperation(document, path.Name, operation.Name, (JObject)operation.Value, pathParameters);
        }
        return facts;
    }

    private void AddOperation(OpenApiDocument document, string path, string method, JObject operation, JArray pathParameters)
    {
        var id = (string)operation["operationId"]!;
        Operations[id] = $"{method.ToUpperInvariant()} {path}";

        foreach (var parameter in pathParameters.Concat(operation["parameters"] as JArray ?? []).Select(p => document.Resolve(p, out _)))
            Parameters[$"{id} {parameter["in"]} {parameter["name"]}"] = Describe(document, parameter["schema"]!);

        if (operation["requestBody"] is JToken body && document.Resolve(body, out _)["content"] is JObject requestContent)
            foreach (var media in requestContent.Properties())
                Flatten(document, media.Value["schema"], $"{id} body", "", RequestMembers, [], 0);

        foreach (var response in ((JObject)operation["responses"]!).Properties())
        {
            Statuses.Add($"{id} {response.Name}");
            if (document.Resolve(response.Value, out _)["content"] is JObject content)
                foreach (var media in content.Properties())
                    Flatten(document, media.Value["schema"], $"{id} {response.Name}", "", ResponseMembers, [], 0);
        }
    }

    /// <summary>Records <paramref name="schema"/> at <paramref name="path"/> under <paramref name="place"/> and everything under it.</summary>
    private static void Flatten(OpenApiDocument document, JToken? schema, string place, string path, Dictionary<string, SchemaFacts> into, HashSet<string> refsOnPath, int depth)
    {
        if (schema is null || depth > MaxDepth) return;
        var resolved = document.Resolve(schema, out var reference);
        if (reference != null && !refsOnPath.Add(reference)) return; // a recursive schema: its members are already listed above
        try
        {
            Record(into, $"{place} {(path.Length == 0 ? "(root)" : path)}", Describe(document, resolved));
            foreach (var part in Parts(resolved))
                Flatten(document, part, place, path, into, refsOnPath, depth + 1);
            foreach (var property in (resolved["properties"] as JObject)?.Properties() ?? [])
                Flatten(document, property.Value, place, path.Length == 0 ? property.Name : $"{path}.{property.Name}", into, refsOnPath, depth + 1);
            if (resolved["items"] is JToken items) Flatten(document, items, place, path + "[]", into, refsOnPath, depth + 1);
            if (resolved["additionalProperties"] is JObject values && values.HasValues) Flatten(document, values, place, path + "{}", into, refsOnPath, depth + 1);
        }
        finally
        {
            if (reference != null) refsOnPath.Remove(reference);
        }
    }

    private static IEnumerable<JToken> Parts(JToken schema) =>
        new[] { "allOf", "oneOf", "anyOf" }.SelectMany(keyword => schema[keyword] as JArray ?? []);

    /// <summary>Several schemas can land on one place (allOf parts, oneOf branches): their facts are merged.</summary>
    private static void Record(Dictionary<string, SchemaFacts> into, string where, SchemaFacts facts)
    {
        if (!into.TryGetValue(where, out var known)) { into[where] = facts; return; }
        into[where] = new SchemaFacts(
            Merge(known.Type, facts.Type),
            known.Format is null ? facts.Format : facts.Format is null ? known.Format : Merge(known.Format, facts.Format),
            known.Nullable || facts.Nullable,
            known.Enum.Union(facts.Enum).Order(StringComparer.Ordinal).ToList());
    }

    private static string Merge(string a, string b)
    {
        var types = a.Split('|').Union(b.Split('|')).Where(t => t != "any").Order(StringComparer.Ordinal).ToList();
        return types.Count == 0 ? "any" : string.Join('|', types);
    }

    private static SchemaFacts Describe(OpenApiDocument document, JToken schema)
    {
        var resolved = document.Resolve(schema, out _);
        var type = (string?)resolved["type"]
            ?? (resolved["properties"] != null ? "object" : resolved["items"] != null ? "array" : PartsType(document, resolved));
        return new SchemaFacts(
            type,
            (string?)resolved["format"],
            string.Equals(resolved["nullable"]?.ToString(), "true", StringComparison.OrdinalIgnoreCase),
            (resolved["enum"] as JArray)?.Select(value => value.ToString()).Order(StringComparer.Ordinal).ToList() ?? []);
    }

    // allOf/oneOf without a type of their own: the types of their parts.
    private static string PartsType(OpenApiDocument document, JToken schema)
    {
        var types = Parts(schema).Select(part => Describe(document, part).Type).Where(t => t != "any").Distinct().Order(StringComparer.Ordinal).ToList();
        return types.Count == 0 ? "any" : string.Join('|', types);
    }
}
