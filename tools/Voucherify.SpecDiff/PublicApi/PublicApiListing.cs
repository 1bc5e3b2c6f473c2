using System.Text.RegularExpressions;

namespace Voucherify.SpecDiff.PublicApi;

/// <summary>A public member as PublicApiGenerator writes it: its declaration (continuation lines joined) and its attributes.</summary>
internal sealed record ApiMember(string Name, string Text, string Attributes);

/// <summary>A public type: its full name, its declaration line, its attributes and its members in file order.</summary>
internal sealed record ApiType(string FullName, string Kind, string Declaration, string Attributes, List<ApiMember> Members)
{
    /// <summary>The name without namespace or containing types, generic arguments kept (<c>ListPage&lt;T&gt;</c>).</summary>
    public string SimpleName => FullName[(FullName.LastIndexOf('.') + 1)..];
}

/// <summary>
/// Reads a public-API baseline (<c>tests/Voucherify.Tests/Sdk/PublicApi.*.approved.txt</c>, written by
/// PublicApiGenerator from the built assembly: namespaces, then types, then one member a line, attributes on the
/// lines above, a generic constraint on a deeper-indented line below, four spaces a level).
/// </summary>
internal static partial class PublicApiListing
{
    /// <summary>The types of a baseline by full name.</summary>
    public static IReadOnlyDictionary<string, ApiType> Parse(string? text)
    {
        var types = new Dictionary<string, ApiType>(StringComparer.Ordinal);
        var containers = new Stack<string>();   // the namespace and type names that '{' opened
        string? opened = null;                  // what the next '{' opens
        var attributes = new List<string>();
        Action<string>? continuation = null;    // appends a deeper-indented line to the last declaration
        foreach (var line in (text ?? "").ReplaceLineEndings("\n").Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0) continue;
            var indent = (line.Length - line.TrimStart().Length) / 4;
            if (trimmed == "{") { containers.Push(opened ?? ""); opened = null; continue; }
            if (trimmed == "}") { if (containers.Count > 0) containers.Pop(); continue; }
            if (trimmed.StartsWith('[') && trimmed.EndsWith(']')) { attributes.Add(trimmed); continue; }
            if (indent > containers.Count && continuation is not null) { continuation(" " + trimmed); continue; }

            var attached = string.Join(" ", attributes);
            attributes.Clear();
            var prefix = containers.Count > 0 ? containers.Peek() : "";   // containers hold full names
            if (trimmed.StartsWith("namespace ", StringComparison.Ordinal))
            {
                opened = trimmed["namespace ".Length..].Trim();
                continuation = null;
            }
            else if (TypeDeclaration().Match(trimmed) is { Success: true } type)
            {
                var name = type.Groups["name"].Value;
                var full = prefix.Length == 0 ? name : $"{prefix}.{name}";
                var empty = trimmed.EndsWith(" { }", StringComparison.Ordinal);   // a type with no public member
                var entry = new ApiType(full, type.Groups["kind"].Value, empty ? trimmed[..^4] : trimmed, attached, []);
                types[full] = entry;
                opened = empty ? null : full;
                continuation = more => types[full] = types[full] with { Declaration = types[full].Declaration + more };
            }
            else if (types.TryGetValue(prefix, out var owner))
            {
                var member = new ApiMember(MemberName(trimmed), trimmed, attached);
                owner.Members.Add(member);
                var index = owner.Members.Count - 1;
                continuation = more => owner.Members[index] = owner.Members[index] with { Text = owner.Members[index].Text + more };
            }
        }
        return types;
    }

    /// <summary>The declared name: the last identifier before the parameter list, body, initializer or terminator.</summary>
    public static string MemberName(string declaration)
    {
        var depth = 0;
        var end = declaration.Length;
        for (var i = 0; i < declaration.Length; i++)
        {
            var c = declaration[i];
            if (c == '<') depth++;
            else if (c == '>') depth--;
            else if (depth == 0 && c is '(' or '{' or '=' or ';' or ',') { end = i; break; }
        }
        var head = declaration[..end].Trim();
        var last = head[(head.LastIndexOf(' ') + 1)..];
        var generic = last.IndexOf('<');
        return generic > 0 ? last[..generic] : last;
    }

    [GeneratedRegex(@"^(?:[a-z]+\s+)*(?<kind>class|interface|struct|enum|record(?:\s+struct|\s+class)?)\s+(?<name>[^\s:(]+)")]
    private static partial Regex TypeDeclaration();
}
