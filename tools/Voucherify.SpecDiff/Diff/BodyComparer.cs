using Microsoft.OpenApi;

namespace Voucherify.SpecDiff.Diff;

/// <summary>The request body and the responses of two matched operations: presence, media types, headers, schemas.</summary>
internal static class BodyComparer
{
    /// <summary>Compares request bodies (the request direction).</summary>
    public static void CompareRequest(ChangeCollector changes, string id, IOpenApiRequestBody? before, IOpenApiRequestBody? after,
        string basePointer, string newPointer)
    {
        var (was, now) = (Located(before, "requestBodies", Pointer.Append(basePointer, "requestBody")),
            Located(after, "requestBodies", Pointer.Append(newPointer, "requestBody")));
        if (before is null && after is null) return;
        if (before is null)
        {
            changes.Add(id, Direction.Request, now, after!.Required ? "required-request-body-added" : "optional-request-body-added",
                after.Required ? Severity.Breaking : Severity.NonBreaking,
                after.Required ? "a request body is now required; calls without one are refused" : "an optional request body is accepted");
            return;
        }
        if (after is null)
        {
            changes.Add(id, Direction.Request, was, "request-body-removed", Severity.Breaking, "the request body is gone; callers that send one are refused or ignored");
            return;
        }
        if (before.Required != after.Required)
            changes.Add(id, Direction.Request, Pointer.Append(now, "required"), after.Required ? "request-body-became-required" : "request-body-became-optional",
                after.Required ? Severity.Breaking : Severity.NonBreaking,
                after.Required ? "the request body is now required; calls without one are refused" : "the request body may now be omitted");
        CompareContent(changes, id, Direction.Request, before.Content, after.Content, was, now, "request body");
    }

    /// <summary>Compares the responses by status code (the response direction).</summary>
    public static void CompareResponses(ChangeCollector changes, string id, OpenApiResponses? before, OpenApiResponses? after,
        string basePointer, string newPointer)
    {
        var (was, now) = (before ?? new OpenApiResponses(), after ?? new OpenApiResponses());
        foreach (var (status, old) in was)
        {
            var oldPointer = Located(old, "responses", Pointer.Append(basePointer, "responses", status));
            if (!now.TryGetValue(status, out var kept))
            {
                var success = IsSuccess(status);
                changes.Add(id, Direction.Response, oldPointer, "response-removed", success ? Severity.Breaking : Severity.Info,
                    success
                        ? $"response {status} is gone; callers that expect it get another status"
                        : $"response {status} is no longer documented; the client still throws VoucherifyApiException for any error status");
                continue;
            }
            var newPointerOfResponse = Located(kept, "responses", Pointer.Append(newPointer, "responses", status));
            CompareHeaders(changes, id, status, old.Headers, kept.Headers, oldPointer, newPointerOfResponse);
            CompareContent(changes, id, Direction.Response, old.Content, kept.Content, oldPointer, newPointerOfResponse, $"response {status}");
        }
        foreach (var (status, added) in now.Where(r => !was.ContainsKey(r.Key)))
        {
            var success = IsSuccess(status);
            changes.Add(id, Direction.Response, Located(added, "responses", Pointer.Append(newPointer, "responses", status)), "response-added",
                success ? Severity.Info : Severity.NonBreaking,
                success
                    ? $"response {status} is new; callers that check the status meet one they did not handle"
                    : $"response {status} is newly documented; the client throws VoucherifyApiException for it as for any error status");
        }
    }

    private static void CompareContent(ChangeCollector changes, string id, Direction direction,
        IDictionary<string, IOpenApiMediaType>? before, IDictionary<string, IOpenApiMediaType>? after, string basePointer, string newPointer, string subject)
    {
        var (was, now) = (before ?? new Dictionary<string, IOpenApiMediaType>(), after ?? new Dictionary<string, IOpenApiMediaType>());
        foreach (var (type, old) in was)
        {
            if (!now.TryGetValue(type, out var kept))
            {
                changes.Add(id, direction, Pointer.Append(basePointer, "content", type), "media-type-removed", Severity.Breaking,
                    direction == Direction.Response
                        ? $"{subject}: {type} is no longer returned; callers that read it get another format"
                        : $"{subject}: {type} is no longer accepted; callers that send it are refused", type, null);
                continue;
            }
            var prefix = type == "application/json" ? subject : $"{subject} ({type})";
            new SchemaComparer(changes, id, direction).Compare(old.Schema, kept.Schema,
                new SchemaSite(Pointer.Append(basePointer, "content", type, "schema"), Pointer.Append(newPointer, "content", type, "schema"), prefix, ""));
        }
        foreach (var type in now.Keys.Where(t => !was.ContainsKey(t)))
            changes.Add(id, direction, Pointer.Append(newPointer, "content", type), "media-type-added",
                direction == Direction.Response && was.Count > 0 ? Severity.Info : Severity.NonBreaking,
                direction == Direction.Response ? $"{subject}: may now also be {type}" : $"{subject}: {type} is accepted too", null, type);
    }

    private static void CompareHeaders(ChangeCollector changes, string id, string status,
        IDictionary<string, IOpenApiHeader>? before, IDictionary<string, IOpenApiHeader>? after, string basePointer, string newPointer)
    {
        var (was, now) = (before ?? new Dictionary<string, IOpenApiHeader>(), after ?? new Dictionary<string, IOpenApiHeader>());
        foreach (var (name, old) in was)
        {
            if (!now.TryGetValue(name, out var kept))
            {
                changes.Add(id, Direction.Response, Pointer.Append(basePointer, "headers", name), "response-header-removed", Severity.Breaking,
                    $"response {status} header {name} is no longer sent; callers that read it get nothing");
                continue;
            }
            new SchemaComparer(changes, id, Direction.Response).Compare(old.Schema, kept.Schema,
                new SchemaSite(Pointer.Append(basePointer, "headers", name, "schema"), Pointer.Append(newPointer, "headers", name, "schema"), $"response {status} header {name}", ""));
        }
        foreach (var name in now.Keys.Where(n => !was.ContainsKey(n)))
            changes.Add(id, Direction.Response, Pointer.Append(newPointer, "headers", name), "response-header-added", Severity.NonBreaking,
                $"response {status} header {name} is new");
    }

    private static bool IsSuccess(string status) => status.StartsWith('2');

    /// <summary>A referenced body or response is located where it is defined.</summary>
    private static string Located(object? element, string components, string inline) => element switch
    {
        OpenApiRequestBodyReference { Reference.Id: { } id } => Pointer.Append(Pointer.Root, "components", components, id),
        OpenApiResponseReference { Reference.Id: { } id } => Pointer.Append(Pointer.Root, "components", components, id),
        _ => inline,
    };
}
