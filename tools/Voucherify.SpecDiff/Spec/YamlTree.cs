using SharpYaml.Serialization;
using Voucherify.SpecDiff.Diff;

namespace Voucherify.SpecDiff.Spec;

/// <summary>JSON-pointer navigation over a parsed YAML document, keeping the nodes' line numbers.</summary>
internal static class YamlTree
{
    /// <summary>The node at <paramref name="pointer"/>, or null with the deepest pointer that exists and the token missing under it.</summary>
    public static (YamlNode? Node, string Found, string? Missing) Resolve(YamlNode root, string pointer)
    {
        var node = root;
        var found = Pointer.Root;
        foreach (var token in Pointer.Tokens(pointer))
        {
            YamlNode? next = node switch
            {
                YamlMappingNode map => map.Children.FirstOrDefault(c => c.Key is YamlScalarNode k && k.Value == token).Value,
                YamlSequenceNode list when int.TryParse(token, out var i) && i >= 0 && i < list.Children.Count => list.Children[i],
                _ => null,
            };
            if (next is null) return (null, found, token);
            node = next;
            found = Pointer.Append(found, token);
        }
        return (node, found, null);
    }

    /// <summary>Every node with its pointer, depth first.</summary>
    public static IEnumerable<(string Pointer, YamlNode Node)> Walk(YamlNode node, string pointer = Pointer.Root)
    {
        yield return (pointer, node);
        var children = node switch
        {
            YamlMappingNode map => map.Children.Select(c => (Token: (c.Key as YamlScalarNode)?.Value ?? "?", Node: c.Value)),
            YamlSequenceNode list => list.Children.Select((n, i) => (Token: i.ToString(), Node: n)),
            _ => [],
        };
        foreach (var (token, child) in children)
            foreach (var inner in Walk(child, Pointer.Append(pointer, token)))
                yield return inner;
    }
}
