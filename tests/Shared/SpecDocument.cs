using YamlDotNet.RepresentationModel;

namespace Voucherify.TestSupport;

/// <summary>
/// The project's spec (<c>openapi/voucherify-customers.yaml</c>, copied beside the test assembly) read with YamlDotNet,
/// independently of the generator: what tests hold the generated descriptors and the sandbox to.
/// </summary>
internal static class SpecDocument
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];
    private static readonly Lazy<YamlMappingNode> Root = new(Load);

    /// <summary>One operation: its id, lower-case method, path template and its YAML node (for the x- extensions).</summary>
    public sealed record Operation(string Id, string Method, string Path, YamlMappingNode Node)
    {
        public override string ToString() => $"{Id} ({Method.ToUpperInvariant()} {Path})";
    }

    /// <summary>One query parameter with its schema resolved: type, range, default and enum values.</summary>
    public sealed record QueryParameter(string Name, string? Type, string? Format, long? Minimum, long? Maximum, long? Default, IReadOnlyList<string> Enum);

    /// <summary>Every operation under <c>paths</c>, in document order.</summary>
    public static IReadOnlyList<Operation> Operations() =>
        (from path in Mapping(Root.Value, "paths").Children
         from operation in ((YamlMappingNode)path.Value).Children
         let method = ((YamlScalarNode)operation.Key).Value!
         where Methods.Contains(method)
         let node = (YamlMappingNode)operation.Value
         select new Operation(Scalar(node, "operationId")!, method, ((YamlScalarNode)path.Key).Value!, node)).ToList();

    /// <summary>The query parameters of <paramref name="operation"/>, in document order, <c>$ref</c>s resolved.</summary>
    public static IReadOnlyList<QueryParameter> QueryParameters(Operation operation)
    {
        var declared = operation.Node.Children.TryGetValue(new YamlScalarNode("parameters"), out var list) ? ((YamlSequenceNode)list).Children : [];
        return declared.Select(p => Resolve((YamlMappingNode)p))
            .Where(p => Scalar(p, "in") == "query")
            .Select(p =>
            {
                var schema = Resolve(Mapping(p, "schema"));
                var values = schema.Children.TryGetValue(new YamlScalarNode("enum"), out var e) ? ((YamlSequenceNode)e).Children.Select(v => ((YamlScalarNode)v).Value!).ToList() : [];
                return new QueryParameter(Scalar(p, "name")!, Scalar(schema, "type"), Scalar(schema, "format"),
                    Number(schema, "minimum"), Number(schema, "maximum"), Number(schema, "default"), values);
            }).ToList();
    }

    /// <summary>The status code of the operation's success (2xx) answer, e.g. <c>202</c>.</summary>
    public static string SuccessStatus(Operation operation) =>
        Mapping(operation.Node, "responses").Children.Select(r => ((YamlScalarNode)r.Key).Value!).First(status => status.StartsWith('2'));

    /// <summary>A scalar member of <paramref name="node"/>; null when absent.</summary>
    public static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    /// <summary>A sequence member of <paramref name="node"/> as its items; empty when absent.</summary>
    public static IReadOnlyList<YamlNode> Sequence(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlSequenceNode)value).Children.ToList() : [];

    private static long? Number(YamlMappingNode node, string key) => Scalar(node, key) is { } text ? long.Parse(text) : null;

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    // Only local references ('#/components/…') occur in the spec.
    private static YamlMappingNode Resolve(YamlMappingNode node)
    {
        if (Scalar(node, "$ref") is not { } reference) return node;
        var target = Root.Value;
        foreach (var part in reference.TrimStart('#', '/').Split('/')) target = Mapping(target, part);
        return Resolve(target);
    }

    private static YamlMappingNode Load()
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "openapi", "voucherify-customers.yaml")))
            yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }
}
