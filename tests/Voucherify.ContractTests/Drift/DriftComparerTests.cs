namespace Voucherify.ContractTests.Drift;

/// <summary>The drift check on two small documents, so it is known to fail on each kind of difference.</summary>
public sealed class DriftComparerTests : IDisposable
{
    private const string Vendor = """
        {"openapi":"3.0.1","paths":{
          "/v1/things/{id}":{"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],
            "get":{"operationId":"get-thing","parameters":[{"name":"q","in":"query","schema":{"$ref":"#/components/schemas/Q"}}],
              "responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}},"404":{"description":"none"}}}},
          "/v1/gone":{"delete":{"operationId":"gone","responses":{"204":{"description":"deleted"}}}}},
         "components":{"schemas":{
          "Q":{"type":"string","enum":["a","b"]},
          "Thing":{"allOf":[{"type":"object","properties":{"name":{"type":"string"},"count":{"type":"integer"},"kind":{"type":"string","enum":["x"]}}},
                            {"type":"object","properties":{"parts":{"type":"array","items":{"type":"object","properties":{"at":{"type":"string","format":"date-time"}}}}}}]}}}}
        """;

    private const string Ours = """
        openapi: 3.0.3
        paths:
          /v1/things/{id}:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
            get:
              operationId: get-thing
              parameters:
                - {name: q, in: query, schema: {type: string, enum: [a, c]}}
                - {name: extra, in: query, schema: {type: string}}
              responses:
                '200':
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          name: {type: string, nullable: true}
                          count: {type: string}
                          parts: {type: array, items: {type: object, properties: {at: {type: string, format: date-time}}}}
          /v1/new:
            post:
              operationId: new-thing
              requestBody: {content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}}
              responses:
                '201': {description: created}
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("drift-").FullName;

    [Fact]
    public void Every_kind_of_difference_is_reported_once_at_its_place()
    {
        var differences = Compare().Select(d => $"{d.Kind} | {d.Where}");

        Assert.Equal(
        [
            "get-thing 200 count: response-member-type",
            "get-thing 200 kind: response-member-missing",
            "get-thing 200 name: response-member-nullable",
            "get-thing 404: status-missing",
            "get-thing query extra: parameter-extra",
            "get-thing query q: parameter-enum",
            "gone: operation-missing",
            "new-thing: operation-extra",
        ], differences.Select(d => string.Join(": ", d.Split(" | ").Reverse())).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Allowed_differences_pass_unmatched_ones_fail_and_a_rule_matching_nothing_is_stale()
    {
        File.WriteAllText(Path.Combine(_directory, "allow.yaml"), """
            allowed:
              - kind: response-member-nullable
                where: ["*"]
                reason: Responses are lenient.
              - kind: operation-*
                where: [gone, new-thing]
                reason: Renamed.
              - kind: parameter-extra
                where: ["get-thing query nothing-like-this"]
                reason: Stale.
            """);

        var report = DriftReport.Build(Compare(), DriftAllowList.Load(Path.Combine(_directory, "allow.yaml")));

        Assert.False(report.IsClean);
        Assert.Equal(["get-thing 200 count", "get-thing 200 kind", "get-thing 404", "get-thing query extra", "get-thing query q"], report.Unexplained.Select(d => d.Where));
        Assert.Equal(["Stale."], report.StaleRules.Select(r => r.Reason));
        Assert.Contains("| parameter-enum | `get-thing query q` | 2 values, only here: b | 2 values, only here: c |", report.ToMarkdown());
    }

    [Fact]
    public void An_allow_list_entry_without_a_reason_is_rejected()
    {
        File.WriteAllText(Path.Combine(_directory, "allow.yaml"), "allowed:\n  - kind: status-missing\n    where: ['*']\n");

        Assert.Throws<InvalidDataException>(() => DriftAllowList.Load(Path.Combine(_directory, "allow.yaml")));
    }

    private List<Difference> Compare()
    {
        File.WriteAllText(Path.Combine(_directory, "vendor.json"), Vendor);
        File.WriteAllText(Path.Combine(_directory, "ours.yaml"), Ours);
        return DriftComparer.Compare(
            ContractFacts.From(OpenApiDocument.Load(Path.Combine(_directory, "vendor.json"))),
            ContractFacts.From(OpenApiDocument.Load(Path.Combine(_directory, "ours.yaml"))));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
