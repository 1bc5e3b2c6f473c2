using Newtonsoft.Json.Linq;
using YamlDotNet.Serialization;

namespace Voucherify.ContractTests.Drift;

/// <summary>An OpenAPI document as a JSON tree, whether it was written in YAML (ours) or JSON (the vendor's).</summary>
internal sealed class OpenApiDocument(JObject root)
{
    public JObject Root { get; } = root;

    public static OpenApiDocument Load(string path)
    {
        var text = File.ReadAllText(path);
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return new OpenApiDocument(JObject.Parse(text));
        var yaml = new DeserializerBuilder().Build().Deserialize<object>(text);
        return new OpenApiDocument((JObject)ToJson(yaml));
    }

    /// <summary>Follows a local <c>$ref</c> (<c>#/components/...</c>) until it reaches a definition.</summary>
    public JToken Resolve(JToken node, out string? reference)
    {
        reference = null;
        while (node is JObject obj && obj["$ref"] is JValue pointer)
        {
            var target = (string)pointer!;
            node = target.TrimStart('#', '/').Split('/').Aggregate((JToken)Root, (current, segment) =>
                current[segment.Replace("~1", "/").Replace("~0", "~")] ?? throw new InvalidOperationException($"Unresolved $ref {target}."));
            reference = target;
        }
        return node;
    }

    // YamlDotNet's untyped model: mappings, sequences and scalars (strings; types are compared as text anyway).
    private static JToken ToJson(object? node) => node switch
    {
        IDictionary<object, object> mapping => new JObject(mapping.Select(entry => new JProperty((string)entry.Key, ToJson(entry.Value)))),
        IList<object> sequence => new JArray(sequence.Select(ToJson)),
        null => JValue.CreateNull(),
        _ => new JValue(node.ToString()),
    };
}
