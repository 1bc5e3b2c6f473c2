using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NSwag;

namespace Voucherify.IntegrationTests.Infrastructure;

/// <summary>
/// Checks a response against the project's own contract, <c>openapi/voucherify-customers.yaml</c>: the status must be
/// declared for the operation (or be one of the errors any endpoint may return), and the JSON body must match the
/// declared schema — read strictly: a member the schema does not list is a violation too.
/// </summary>
internal sealed class SpecResponseValidator
{
    /// <summary>
    /// Errors the service's error guide lists for any endpoint, with the body schema each one has. The spec declares
    /// them only where they are typical; elsewhere they must still have the right shape.
    /// </summary>
    private static readonly Dictionary<int, string> GenericErrors = new()
    {
        [400] = "ErrorResponse",
        [401] = "ErrorResponse",
        [404] = "ErrorResponse",
        [429] = "RateLimitError",
    };

    private readonly OpenApiDocument _document;
    private readonly List<(Regex Path, string Method, OpenApiOperation Operation)> _operations;

    private SpecResponseValidator(OpenApiDocument document)
    {
        _document = document;
        _operations = document.Paths
            // Literal paths (importCSV, bulk/async) before templated ones ({customerId}).
            .OrderBy(p => p.Key.Count(c => c == '{'))
            .SelectMany(p => p.Value.Select(o => (PathPattern(p.Key), o.Key.ToUpperInvariant(), o.Value)))
            .ToList();
        foreach (var schema in document.Components.Schemas.Values) Close(schema, []);
    }

    public static SpecResponseValidator Shared { get; } = Load();

    private static SpecResponseValidator Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "openapi", "voucherify-customers.yaml");
        return new SpecResponseValidator(OpenApiYamlDocument.FromFileAsync(path).GetAwaiter().GetResult());
    }

    /// <summary>Every way the response breaks the contract; empty when it conforms.</summary>
    public IReadOnlyList<string> Check(string method, string path, int status, string? contentType, string body)
    {
        var match = _operations.FirstOrDefault(o => o.Method == method && o.Path.IsMatch(path));
        if (match.Operation is null) return [$"{method} {path} is not an operation of the spec"];
        var where = $"{method} {path} → {status}";

        JsonSchema? schema;
        if (match.Operation.ActualResponses.TryGetValue(status.ToString(), out var declared))
        {
            var actual = declared.ActualResponse;
            schema = actual.Content.TryGetValue("application/json", out var media) ? media.Schema?.ActualSchema : null;
        }
        else if (GenericErrors.TryGetValue(status, out var errorSchema))
        {
            schema = _document.Components.Schemas[errorSchema];
        }
        else
        {
            return [$"{where}: status {status} is not declared for {match.Operation.OperationId}"];
        }

        if (schema is null)
            return body.Length == 0 ? [] : [$"{where}: the spec declares no body, but one was sent"];
        if (contentType is null || !contentType.StartsWith("application/json", StringComparison.Ordinal))
            return [$"{where}: content type {contentType ?? "(none)"} instead of application/json"];

        JToken json;
        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None };
            json = JToken.ReadFrom(reader);
        }
        catch (JsonException e)
        {
            return [$"{where}: the body is not JSON ({e.Message})"];
        }
        return schema.Validate(json, SchemaType.OpenApi3).Select(e => $"{where}: {e.Path} {e.Kind}").ToList();
    }

    private static Regex PathPattern(string template) =>
        new("^" + Regex.Replace(Regex.Escape(template), @"\\\{[^/]+?}", "[^/]+") + "$", RegexOptions.CultureInvariant);

    /// <summary>
    /// The spec leaves additionalProperties unset, which JSON Schema reads as "anything else allowed". For the sandbox
    /// we want the opposite: every member it writes must be one the contract names.
    /// </summary>
    private static void Close(JsonSchema schema, HashSet<JsonSchema> seen)
    {
        schema = schema.ActualSchema;
        if (!seen.Add(schema)) return;
        if (schema.Properties.Count > 0 && schema.AdditionalPropertiesSchema is null) schema.AllowAdditionalProperties = false;
        foreach (var property in schema.Properties.Values) Close(property, seen);
        if (schema.Item is not null) Close(schema.Item, seen);
        if (schema.AdditionalPropertiesSchema is not null) Close(schema.AdditionalPropertiesSchema, seen);
        foreach (var sub in schema.AllOf.Concat(schema.OneOf).Concat(schema.AnyOf)) Close(sub, seen);
    }
}
