namespace Voucherify.SpecDiff.Tests;

/// <summary>
/// A small spec shaped like the real one: a shared schema (<c>Thing</c>) sent in a request body and returned in
/// responses, so one edit shows both directions; query parameters with ranges and a closed enum; every
/// x-voucherify-* value. Tests derive variants with <see cref="Edit"/>, which insists its text occurs exactly once.
/// </summary>
internal static class SampleSpec
{
    public const string Yaml = """
        openapi: 3.0.3
        info:
          title: Sample
          version: v1
        servers:
          - url: https://api.example.com
          - url: https://us1.api.example.com
        paths:
          /v1/things:
            get:
              operationId: list-things
              x-voucherify-replay: safe
              x-voucherify-max-request-bytes: null
              x-voucherify-id-parameters: []
              tags: [Things]
              parameters:
                - $ref: '#/components/parameters/limit'
                - name: page
                  in: query
                  schema:
                    type: integer
                    minimum: 1
                    maximum: 99
                - name: order
                  in: query
                  schema:
                    $ref: '#/components/schemas/Order'
                - name: created_after
                  in: query
                  schema:
                    type: string
                    format: date-time
              responses:
                '200':
                  description: A page.
                  headers:
                    X-Rate-Limit-Remaining:
                      schema:
                        type: integer
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ThingList'
                '429':
                  description: Too many requests.
            post:
              operationId: create-thing
              x-voucherify-replay: upsert-when-id-or-source_id
              x-voucherify-max-request-bytes: null
              x-voucherify-id-parameters: []
              tags: [Things]
              requestBody:
                required: false
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/Thing'
              responses:
                '200':
                  description: The thing.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Thing'
          /v1/things/{thingId}:
            get:
              operationId: get-thing
              x-voucherify-replay: safe
              x-voucherify-max-request-bytes: null
              x-voucherify-id-parameters: [thingId]
              tags: [Things]
              parameters:
                - name: thingId
                  in: path
                  required: true
                  schema:
                    type: string
              responses:
                '200':
                  description: The thing.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Thing'
                '404':
                  description: Not found.
          /v1/things/bulk:
            post:
              operationId: update-things-in-bulk
              x-voucherify-replay: never
              x-voucherify-max-request-bytes: 10485760
              x-voucherify-id-parameters: []
              x-voucherify-required-items: $
              tags: [Things]
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: array
                      maxItems: 100
                      items:
                        $ref: '#/components/schemas/BulkItem'
              responses:
                '202':
                  description: Accepted.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [async_action_id]
                        properties:
                          async_action_id:
                            type: string
        components:
          parameters:
            limit:
              name: limit
              in: query
              schema:
                type: integer
                minimum: 1
                maximum: 100
          schemas:
            Order:
              type: string
              enum: [created_at, -created_at]
              x-enumNames: [CreatedAt, CreatedAtDescending]
            Thing:
              type: object
              required: [name]
              properties:
                name:
                  type: string
                  maxLength: 50
                count:
                  type: integer
                  format: int32
                kind:
                  type: string
                  enum: [small, large]
                tags:
                  type: array
                  maxItems: 10
                  items:
                    type: string
                metadata:
                  type: object
                  additionalProperties: {}
            ThingList:
              type: object
              properties:
                total:
                  type: integer
                things:
                  type: array
                  items:
                    $ref: '#/components/schemas/Thing'
            BulkItem:
              type: object
              properties:
                source_id:
                  type: string
                  pattern: '^[a-z0-9-]+$'
        """;

    /// <summary>The sample with <paramref name="from"/> replaced by <paramref name="to"/>; fails unless it occurs exactly once.</summary>
    public static string Edit(string from, string to) => Edit(Yaml, from, to);

    /// <summary><paramref name="yaml"/> with <paramref name="from"/> replaced by <paramref name="to"/>; fails unless it occurs exactly once.</summary>
    public static string Edit(string yaml, string from, string to)
    {
        var first = yaml.IndexOf(from, StringComparison.Ordinal);
        Assert.True(first >= 0, $"the sample spec has no '{from}'");
        Assert.True(yaml.IndexOf(from, first + 1, StringComparison.Ordinal) < 0, $"the sample spec has '{from}' more than once");
        return yaml[..first] + to + yaml[(first + from.Length)..];
    }
}
