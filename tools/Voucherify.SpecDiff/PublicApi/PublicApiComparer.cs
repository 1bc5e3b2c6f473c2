using Voucherify.SpecDiff.Diff;

namespace Voucherify.SpecDiff.PublicApi;

/// <summary>
/// What a change of the public-API baseline does to C# callers. Removed, renamed and retyped types and members are
/// source-breaking (code naming them stops compiling); new ones are additive, except a member added to an interface
/// or an abstract member, which breaks every implementation outside the SDK (a caller's test fake). A member whose
/// declaration is unchanged but whose attributes differ (a JSON name) is info: it compiles, the wire may differ.
/// </summary>
internal static partial class PublicApiComparer
{
    /// <summary>The changes between two versions of one package's baseline (either may be absent).</summary>
    public static IReadOnlyList<Change> Compare(string package, string? before, string? after)
    {
        var was = PublicApiListing.Parse(before);
        var now = PublicApiListing.Parse(after);
        var changes = new List<Change>();
        void Add(string location, string kind, Severity severity, string reason, string? old = null, string? @new = null) =>
            changes.Add(new Change("csharp:" + location, kind, severity, reason, [], Direction.Operation, old, @new, Change.CSharpScope, package));

        var removed = was.Values.Where(t => !now.ContainsKey(t.FullName)).ToList();
        var added = now.Values.Where(t => !was.ContainsKey(t.FullName)).ToList();
        var renames = FindRenames(removed, added);
        foreach (var type in removed)
        {
            if (renames.TryGetValue(type, out var renamed))
                Add(type.FullName, "type-renamed", Severity.Breaking, $"`{type.FullName}` is renamed `{renamed.FullName}`: code naming the old name no longer compiles",
                    type.FullName, renamed.FullName);
            else
                Add(type.FullName, "type-removed", Severity.Breaking, $"`{type.FullName}` is gone: code using it no longer compiles", type.Declaration, null);
        }
        foreach (var type in added.Except(renames.Values))
            Add(type.FullName, "type-added", Severity.NonBreaking, $"`{type.FullName}` is new", null, type.Declaration);
        var names = renames.ToDictionary(r => Bare(r.Key.SimpleName), r => Bare(r.Value.SimpleName), StringComparer.Ordinal);
        foreach (var type in was.Values.Where(t => now.ContainsKey(t.FullName)))
            CompareType(type with { Members = type.Members.Select(m => m with { Text = Substitute(m.Text, names) }).ToList() }, now[type.FullName], Add);
        return changes.OrderBy(c => c.Severity).ThenBy(c => c.Location, StringComparer.Ordinal).ToArray();
    }

    private delegate void Adder(string location, string kind, Severity severity, string reason, string? old = null, string? @new = null);

    private static void CompareType(ApiType before, ApiType after, Adder add)
    {
        if (before.Declaration != after.Declaration)
        {
            var widened = Modifiers(before) == Modifiers(after) && Bases(after).IsSupersetOf(Bases(before));
            add(before.FullName, widened ? "type-gains-base" : "type-declaration-changed", widened ? Severity.NonBreaking : Severity.Breaking,
                widened
                    ? $"`{before.FullName}` gains a base type or interface"
                    : $"`{before.Declaration}` → `{after.Declaration}`: code relying on the old kind, modifiers or base types may no longer compile",
                before.Declaration, after.Declaration);
        }
        if (before.Attributes != after.Attributes)
            add(before.FullName, "attributes-changed", Severity.Info, $"`{before.FullName}`: attributes {Show(before.Attributes)} → {Show(after.Attributes)}",
                before.Attributes, after.Attributes);

        var removed = before.Members.Where(m => !after.Members.Any(n => n.Text == m.Text)).ToList();
        var added = after.Members.Where(m => !before.Members.Any(o => o.Text == m.Text)).ToList();
        foreach (var member in removed)
        {
            var location = $"{before.FullName}.{member.Name}";
            var sameName = added.FirstOrDefault(a => a.Name == member.Name);
            var renamed = added.Where(a => a.Text == Rename(member.Text, member.Name, a.Name)).ToList();
            if (sameName is not null)
            {
                added.Remove(sameName);
                add(location, "member-changed", Severity.Breaking,
                    $"`{Short(member.Text)}` → `{Short(sameName.Text)}`: callers, overrides and implementations written for the old one may no longer compile",
                    member.Text, sameName.Text);
            }
            else if (renamed.Count == 1)
            {
                added.Remove(renamed[0]);
                add(location, "member-renamed", Severity.Breaking, $"`{location}` is renamed `{renamed[0].Name}`: code naming the old name no longer compiles",
                    member.Text, renamed[0].Text);
            }
            else
                add(location, "member-removed", Severity.Breaking, $"`{location}` is gone: code using it no longer compiles", member.Text, null);
        }
        foreach (var member in added)
        {
            var location = $"{after.FullName}.{member.Name}";
            if (after.Kind == "interface")
                add(location, "interface-member-added", Severity.Breaking,
                    $"`{location}` is new on an interface: callers' own implementations (test fakes) no longer compile", null, member.Text);
            else if (member.Text.Contains(" abstract ", StringComparison.Ordinal))
                add(location, "abstract-member-added", Severity.Breaking, $"`{location}` is new and abstract: callers' derived classes no longer compile", null, member.Text);
            else
                add(location, "member-added", Severity.NonBreaking, $"`{location}` is new", null, member.Text);
        }
        foreach (var member in before.Members)
            if (after.Members.FirstOrDefault(m => m.Text == member.Text) is { } kept && kept.Attributes != member.Attributes)
                add($"{before.FullName}.{member.Name}", "attributes-changed", Severity.Info,
                    $"`{before.FullName}.{member.Name}`: attributes {Show(member.Attributes)} → {Show(kept.Attributes)}; it compiles as before, serialization may differ",
                    member.Attributes, kept.Attributes);
    }

    /// <summary>
    /// Types renamed with nothing else changed: the same kind and members once old names are replaced by new ones.
    /// Repeated until nothing more is found, since a renamed type's members often name other renamed types.
    /// </summary>
    private static Dictionary<ApiType, ApiType> FindRenames(List<ApiType> removed, List<ApiType> added)
    {
        var renames = new Dictionary<ApiType, ApiType>();
        for (var found = true; found;)
        {
            found = false;
            foreach (var type in removed.Where(r => !renames.ContainsKey(r)))
            {
                var candidates = added.Where(a => !renames.ContainsValue(a) && IsRename(type, a, renames)).ToList();
                if (candidates.Count != 1) continue;
                renames[type] = candidates[0];
                found = true;
            }
        }
        return renames;
    }

    private static bool IsRename(ApiType before, ApiType after, Dictionary<ApiType, ApiType> known)
    {
        if (before.Kind != after.Kind || before.Members.Count != after.Members.Count) return false;
        var names = known.ToDictionary(r => Bare(r.Key.SimpleName), r => Bare(r.Value.SimpleName), StringComparer.Ordinal);
        names[Bare(before.SimpleName)] = Bare(after.SimpleName);
        return before.Members.Select(m => Substitute(m.Text, names)).SequenceEqual(after.Members.Select(m => m.Text));
    }

    /// <summary>Replaces whole-word type names.</summary>
    private static string Substitute(string text, IReadOnlyDictionary<string, string> names) =>
        names.Count == 0 ? text : Identifier().Replace(text, m => names.TryGetValue(m.Value, out var renamed) ? renamed : m.Value);

    private static string Rename(string text, string from, string to) => Substitute(text, new Dictionary<string, string> { [from] = to });

    [System.Text.RegularExpressions.GeneratedRegex(@"\b[A-Za-z_][A-Za-z0-9_]*\b")]
    private static partial System.Text.RegularExpressions.Regex Identifier();

    private static string Bare(string name) => name.Split('<')[0];

    private static string Modifiers(ApiType type) => type.Declaration[..type.Declaration.IndexOf(type.Kind, StringComparison.Ordinal)];

    private static HashSet<string> Bases(ApiType type)
    {
        var colon = type.Declaration.IndexOf(" : ", StringComparison.Ordinal);
        return colon < 0 ? [] : type.Declaration[(colon + 3)..].Split(',', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A declaration without the modifiers every member has and the empty bodies, for a reason line.</summary>
    private static string Short(string declaration) =>
        declaration.Replace("public ", "", StringComparison.Ordinal).Replace("virtual ", "", StringComparison.Ordinal)
            .Replace("System.Threading.Tasks.", "", StringComparison.Ordinal).Replace("System.Collections.Generic.", "", StringComparison.Ordinal)
            .Replace(" { }", "", StringComparison.Ordinal).Trim();

    private static string Show(string attributes) => attributes.Length == 0 ? "(none)" : attributes;
}
