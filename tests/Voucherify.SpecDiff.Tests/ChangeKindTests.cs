namespace Voucherify.SpecDiff.Tests;

/// <summary>
/// Each kind of change the report knows, made to the sample spec, with exactly the findings it must produce:
/// kind, severity and direction. Where the edited element is shared by a request body and responses
/// (<c>Thing</c>), the row shows both directions' severities side by side.
/// </summary>
public class ChangeKindTests
{
    public static TheoryData<string, string, string, string[]> Edits => new()
    {
        // Operations
        { "/v1/things/{thingId}:", "/v1/items/{thingId}:", "path moved", ["operation-added non-breaking operation", "operation-removed breaking operation"] },
        { "  /v1/things/bulk:", "  /v1/things/{thingId}/copies:\n    post:\n      operationId: copy-thing\n      parameters:\n        - name: thingId\n          in: path\n          required: true\n          schema: { type: string }\n      responses:\n        '200': { description: Copied. }\n  /v1/things/bulk:",
            "operation added", ["operation-added non-breaking operation"] },
        { "operationId: list-things", "operationId: list-all-things", "operation id", ["operation-id-changed info operation"] },
        { "      operationId: get-thing\n", "      operationId: get-thing\n      deprecated: true\n", "deprecated", ["deprecated info operation"] },
        { "  - url: https://us1.api.example.com\n", "", "server removed", ["server-removed breaking operation"] },

        // Parameters
        { "        - name: created_after\n          in: query\n          schema:\n            type: string\n            format: date-time\n", "", "parameter removed", ["parameter-removed breaking request"] },
        { "        - name: page\n", "        - name: tenant\n          in: query\n          required: true\n          schema: { type: string }\n        - name: page\n", "required parameter", ["required-parameter-added breaking request"] },
        { "        - name: page\n", "        - name: tenant\n          in: query\n          schema: { type: string }\n        - name: page\n", "optional parameter", ["optional-parameter-added non-breaking request"] },
        { "        - name: page\n          in: query\n", "        - name: page\n          in: query\n          required: true\n", "parameter required", ["parameter-became-required breaking request"] },
        { "      minimum: 1\n        maximum: 100", "      minimum: 1\n        maximum: 50", "shared parameter maximum lowered", ["maximum-lowered breaking request"] },
        { "maximum: 99", "maximum: 200", "maximum raised", ["maximum-raised non-breaking request"] },
        { "minimum: 1\n            maximum: 99", "minimum: 5\n            maximum: 99", "minimum raised", ["minimum-raised breaking request"] },
        { "format: date-time", "format: date", "format changed", ["format-changed breaking request"] },
        { "enum: [created_at, -created_at]", "enum: [created_at]", "request enum value removed", ["enum-value-removed breaking request"] },
        { "enum: [created_at, -created_at]", "enum: [created_at, -created_at, name]", "request enum value added", ["enum-value-added non-breaking request"] },
        { "x-enumNames: [CreatedAt, CreatedAtDescending]", "x-enumNames: [Created, CreatedDescending]", "x-enumNames", ["extension-changed info request"] },
        { "      minimum: 1\n        maximum: 100", "      minimum: 1\n        maximum: 100\n        default: 10", "default added", ["default-changed info request"] },

        // The shared schema: request (create-thing) and responses (every operation returning a Thing)
        { "        count:\n          type: integer\n          format: int32\n", "", "member removed", ["member-removed breaking request", "member-removed breaking response"] },
        { "required: [name]\n      properties:\n", "required: [name, size]\n      properties:\n        size:\n          type: integer\n", "required member added",
            ["member-added non-breaking response", "required-member-added breaking request"] },
        { "      properties:\n        name:\n", "      properties:\n        colour:\n          type: string\n        name:\n", "optional member added",
            ["member-added non-breaking response", "optional-member-added non-breaking request"] },
        { "required: [name]", "required: [name, count]", "member became required", ["member-became-required breaking request", "member-became-required non-breaking response"] },
        { "        count:\n          type: integer\n", "        count:\n          type: string\n", "type changed", ["type-changed breaking request", "type-changed breaking response"] },
        { "        count:\n          type: integer\n", "        count:\n          type: number\n", "type widened", ["type-widened breaking response", "type-widened non-breaking request"] },
        { "          type: string\n          maxLength: 50", "          type: string\n          nullable: true\n          maxLength: 50", "nullable added",
            ["nullable-added breaking response", "nullable-added non-breaking request"] },
        { "format: int32", "format: int64", "format widened", ["format-widened breaking response", "format-widened non-breaking request"] },
        { "maxLength: 50", "maxLength: 20", "maxLength lowered", ["maxLength-lowered breaking request", "maxLength-lowered non-breaking response"] },
        { "maxLength: 50", "maxLength: 200", "maxLength raised", ["maxLength-raised breaking response", "maxLength-raised non-breaking request"] },
        { "maxItems: 10\n", "maxItems: 5\n", "maxItems lowered", ["maxItems-lowered breaking request", "maxItems-lowered non-breaking response"] },
        { "enum: [small, large]", "enum: [small, medium, large]", "closed response enum gains a value", ["enum-value-added breaking response", "enum-value-added non-breaking request"] },
        { "enum: [small, large]", "enum: [small]", "enum value removed", ["enum-value-removed breaking request", "enum-value-removed non-breaking response"] },
        { "additionalProperties: {}", "additionalProperties: false", "additionalProperties closed", ["additional-properties-closed breaking request", "additional-properties-closed non-breaking response"] },

        // Request-only and response-only elements
        { "maxItems: 100", "maxItems: 10", "request array narrowed", ["maxItems-lowered breaking request"] },
        { "pattern: '^[a-z0-9-]+$'", "pattern: '^[a-z]+$'", "pattern changed", ["pattern-changed breaking request"] },
        { "        required: false\n", "        required: true\n", "request body required", ["request-body-became-required breaking request"] },
        { "          application/json:\n            schema:\n              type: array", "          text/csv:\n            schema:\n              type: array", "request media type replaced",
            ["media-type-added non-breaking request", "media-type-removed breaking request"] },
        { "                required: [async_action_id]\n", "", "response member became optional", ["member-became-optional breaking response"] },
        { "        total:\n          type: integer\n", "        total:\n          type: number\n", "response type widened", ["type-widened breaking response"] },
        { "          headers:\n            X-Rate-Limit-Remaining:\n              schema:\n                type: integer\n", "", "response header removed", ["response-header-removed breaking response"] },
        { "        '202':\n          description: Accepted.", "        '201':\n          description: Accepted.", "success status changed", ["response-added info response", "response-removed breaking response"] },
        { "        '404':\n          description: Not found.\n", "", "error response removed", ["response-removed info response"] },
        { "        '404':\n          description: Not found.\n", "        '404':\n          description: Not found.\n        '409':\n          description: Conflict.\n", "error response added", ["response-added non-breaking response"] },

        // The SDK's own contract: x-voucherify-*
        { "x-voucherify-replay: upsert-when-id-or-source_id", "x-voucherify-replay: safe", "replay starts retries", ["replay-starts-retries breaking operation"] },
        { "operationId: list-things\n      x-voucherify-replay: safe", "operationId: list-things\n      x-voucherify-replay: never", "replay stops retries", ["replay-stops-retries info operation"] },
        { "x-voucherify-max-request-bytes: 10485760", "x-voucherify-max-request-bytes: 1048576", "size limit lowered", ["request-size-limit-lowered breaking operation"] },
        { "x-voucherify-max-request-bytes: 10485760", "x-voucherify-max-request-bytes: null", "size limit removed", ["request-size-limit-raised non-breaking operation"] },
        { "x-voucherify-replay: upsert-when-id-or-source_id\n      x-voucherify-max-request-bytes: null", "x-voucherify-replay: upsert-when-id-or-source_id\n      x-voucherify-max-request-bytes: 1000",
            "size limit added", ["request-size-limit-lowered breaking operation"] },
        { "      x-voucherify-required-items: $\n", "", "required items dropped", ["required-items-removed non-breaking operation"] },
        { "x-voucherify-required-items: $", "x-voucherify-required-items: things", "required items changed", ["required-items-changed breaking operation"] },
        { "x-voucherify-id-parameters: [thingId]", "x-voucherify-id-parameters: []", "id parameter dropped", ["id-parameter-removed non-breaking operation"] },
        { "operationId: list-things\n      x-voucherify-replay: safe\n      x-voucherify-max-request-bytes: null\n      x-voucherify-id-parameters: []",
            "operationId: list-things\n      x-voucherify-replay: safe\n      x-voucherify-max-request-bytes: null\n      x-voucherify-id-parameters: [page]", "id parameter added", ["id-parameter-added breaking operation"] },
        { "      x-voucherify-required-items: $\n", "      x-voucherify-required-items: $\n      x-voucherify-audit: true\n", "unknown x-voucherify value", ["extension-changed info operation"] },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Each_edit_is_reported_with_its_severity_in_each_direction(string from, string to, string what, string[] expected)
    {
        var changes = Compare.Specs(SampleSpec.Yaml, SampleSpec.Edit(from, to));

        Assert.True(expected.Order(StringComparer.Ordinal).SequenceEqual(Compare.Summary(changes)),
            $"{what}: expected [{string.Join(", ", expected)}], got:\n{string.Join("\n", changes.Select(c => $"{c.Kind} {c.Severity} {c.Direction} {c.Location}: {c.Reason}"))}");
    }

    [Fact]
    public void An_unchanged_spec_has_no_changes() => Assert.Empty(Compare.Specs(SampleSpec.Yaml, SampleSpec.Yaml));

}
