namespace Voucherify.ContractTests.Drift;

/// <summary>One way the project's spec differs from the vendor's description.</summary>
/// <param name="Kind">What differs, e.g. <c>response-member-missing</c>; the allow-list matches on it.</param>
/// <param name="Where">The place, e.g. <c>get-customer 200 summary.orders</c>; the allow-list matches on it.</param>
internal sealed record Difference(string Kind, string Where, string Vendor, string Ours);

/// <summary>Compares the facts of the vendor's description (<c>vendor</c>) with the project's spec (<c>ours</c>).</summary>
internal static class DriftComparer
{
    private const string Absent = "—";

    public static List<Difference> Compare(ContractFacts vendor, ContractFacts ours)
    {
        var differences = new List<Difference>();
        CompareKeys(differences, "operation", vendor.Operations, ours.Operations, (where, v, o) =>
            v == o ? [] : [new Difference("operation-route", where, v, o)]);
        CompareKeys(differences, "parameter", vendor.Parameters, ours.Parameters, (where, v, o) => CompareSchema("parameter", where, v, o, compareEnums: true));
        CompareKeys(differences, "status", vendor.Statuses.ToDictionary(s => s), ours.Statuses.ToDictionary(s => s), (_, _, _) => []);
        CompareKeys(differences, "request-member", vendor.RequestMembers, ours.RequestMembers, (where, v, o) => CompareSchema("request-member", where, v, o, compareEnums: true));
        CompareKeys(differences, "response-member", vendor.ResponseMembers, ours.ResponseMembers, (where, v, o) =>
        {
            var found = CompareSchema("response-member", where, v, o, compareEnums: false).ToList();
            if (v.Enum.Count > 0 && o.Enum.Count == 0) found.Add(new Difference("response-enum-open", where, $"enum[{v.Enum.Count}]", "string"));
            if (!v.Nullable && o.Nullable) found.Add(new Difference("response-member-nullable", where, "not nullable", "nullable"));
            return found;
        });
        // Members under an operation or status that only one side has are reported once, as that operation or status.
        return differences
            .Where(d => !CoveredByAWholeMissingOrExtra(d, differences))
            .OrderBy(d => d.Where, StringComparer.Ordinal).ThenBy(d => d.Kind, StringComparer.Ordinal)
            .ToList();
    }

    private static bool CoveredByAWholeMissingOrExtra(Difference member, List<Difference> all)
    {
        var side = member.Kind.EndsWith("-missing", StringComparison.Ordinal) ? "-missing" : member.Kind.EndsWith("-extra", StringComparison.Ordinal) ? "-extra" : null;
        return side != null && all.Any(d => (d.Kind == "operation" + side || d.Kind == "status" + side)
                                            && member.Where.StartsWith(d.Where + " ", StringComparison.Ordinal));
    }

    private static void CompareKeys<T>(List<Difference> into, string kind, IReadOnlyDictionary<string, T> vendor, IReadOnlyDictionary<string, T> ours,
        Func<string, T, T, IEnumerable<Difference>> compareBoth)
    {
        foreach (var (where, value) in vendor)
        {
            if (ours.TryGetValue(where, out var our)) into.AddRange(compareBoth(where, value, our));
            else into.Add(new Difference(kind + "-missing", where, Show(value), Absent));
        }
        foreach (var (where, value) in ours.Where(entry => !vendor.ContainsKey(entry.Key)))
            into.Add(new Difference(kind + "-extra", where, Absent, Show(value)));
    }

    private static IEnumerable<Difference> CompareSchema(string kind, string where, SchemaFacts vendor, SchemaFacts ours, bool compareEnums)
    {
        if (vendor.Type != ours.Type || vendor.Format != ours.Format)
            yield return new Difference(kind + "-type", where, vendor.Describe(), ours.Describe());
        if (compareEnums && !vendor.Enum.SequenceEqual(ours.Enum))
            yield return new Difference(kind + "-enum", where, EnumText(vendor.Enum, ours.Enum), EnumText(ours.Enum, vendor.Enum));
    }

    /// <summary>The values only this side has, so a reviewer sees the actual difference.</summary>
    private static string EnumText(IReadOnlyList<string> side, IReadOnlyList<string> other) =>
        side.Count == 0 ? "no enum" : $"{side.Count} values" + (side.Except(other).ToList() is { Count: > 0 } only ? $", only here: {string.Join(", ", only.Take(8))}{(only.Count > 8 ? ", …" : "")}" : string.Empty);

    private static string Show<T>(T value) => value switch
    {
        SchemaFacts facts => facts.Describe(),
        _ => value?.ToString() ?? Absent,
    };
}
