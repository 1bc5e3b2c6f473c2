using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Voucherify.SpecDiff.Diff;

/// <summary>
/// The <c>x-voucherify-*</c> values of an operation are the SDK's own contract (the spec's description lists them):
/// whether a failed call is sent again, how large a body may be, which path parameters are ids checked before
/// sending, which body array must not be empty, and which parameter is a hand-written query object. Each has its own
/// rule for which way hurts callers. Every other <c>x-</c> value is reported as info, since it changes generated
/// names or documentation but nothing on the wire.
/// </summary>
internal static class ExtensionComparer
{
    private const string Replay = "x-voucherify-replay";
    private const string MaxRequestBytes = "x-voucherify-max-request-bytes";
    private const string IdParameters = "x-voucherify-id-parameters";
    private const string RequiredItems = "x-voucherify-required-items";
    private const string QueryObject = "x-voucherify-query-object";
    private const string QueryObjectName = "x-voucherify-query-object-name";

    /// <summary>How willing each replay class is to send a call again (never &lt; upsert &lt; safe).</summary>
    private static readonly string[] ReplayOrder = ["never", "upsert-when-id-or-source_id", "safe"];

    /// <summary>Compares an operation's extensions.</summary>
    public static void CompareOperation(ChangeCollector changes, string operation,
        IDictionary<string, IOpenApiExtension>? before, IDictionary<string, IOpenApiExtension>? after, string basePointer, string newPointer)
    {
        void Add(string name, string kind, Severity severity, string reason, string? was, string? now) =>
            changes.Add(operation, Direction.Operation, Pointer.Append(now is null ? basePointer : newPointer, name), kind, severity, reason, was, now);

        var (replayWas, replayNow) = (Values.Extension(before, Replay), Values.Extension(after, Replay));
        if (replayWas != replayNow)
        {
            var (was, now) = (Array.IndexOf(ReplayOrder, Unquote(replayWas)), Array.IndexOf(ReplayOrder, Unquote(replayNow)));
            if (replayWas is null && now >= 0)
                Add(Replay, "replay-class-declared", Severity.Info,
                    $"replay class {replayNow} is declared where none was: check that it matches what the SDK did for this operation before", replayWas, replayNow);
            else if (now < 0 || was < 0)
                Add(Replay, "replay-class-changed", Severity.Breaking, $"replay class {replayWas ?? "(none)"} → {replayNow ?? "(none)"}: not a class the SDK knows", replayWas, replayNow);
            else if (now > was)
                Add(Replay, "replay-starts-retries", Severity.Breaking,
                    $"replay class {replayWas} → {replayNow}: the SDK now sends the call again after failures it did not retry; a call that is not idempotent can take effect twice",
                    replayWas, replayNow);
            else
                Add(Replay, "replay-stops-retries", Severity.Info,
                    $"replay class {replayWas} → {replayNow}: the SDK stops retrying some failures; callers see them as exceptions", replayWas, replayNow);
        }

        var (limitWas, limitNow) = (Values.Extension(before, MaxRequestBytes), Values.Extension(after, MaxRequestBytes));
        if (limitWas != limitNow)
        {
            var (was, now) = (Limit(limitWas), Limit(limitNow));
            var lowered = now < was;
            if (was != now) Add(MaxRequestBytes, lowered ? "request-size-limit-lowered" : "request-size-limit-raised", lowered ? Severity.Breaking : Severity.NonBreaking,
                lowered
                    ? $"request size limit {Bytes(limitWas)} → {Bytes(limitNow)}: bodies that fitted are now refused before sending (VoucherifyPayloadTooLargeException), and the bulk helpers split into more jobs"
                    : $"request size limit {Bytes(limitWas)} → {Bytes(limitNow)}: larger bodies are accepted",
                limitWas, limitNow);
        }

        var (idsWas, idsNow) = (Names(before, IdParameters), Names(after, IdParameters));
        foreach (var added in idsNow.Except(idsWas))
            Add(IdParameters, "id-parameter-added", Severity.Breaking,
                $"`{added}` is now checked as an id before sending: blank, '.' and '..' values are refused with ArgumentException", null, added);
        foreach (var removed in idsWas.Except(idsNow))
            Add(IdParameters, "id-parameter-removed", Severity.NonBreaking, $"`{removed}` is no longer checked as an id before sending", removed, null);

        var (itemsWas, itemsNow) = (Values.Extension(before, RequiredItems), Values.Extension(after, RequiredItems));
        if (itemsWas != itemsNow)
            Add(RequiredItems, itemsNow is null ? "required-items-removed" : "required-items-changed", itemsNow is null ? Severity.NonBreaking : Severity.Breaking,
                itemsNow is null
                    ? $"the body array {itemsWas} may now be empty"
                    : $"the body array {itemsNow} must not be empty{(itemsWas is null ? "" : $" (was {itemsWas})")}: calls with an empty one are refused with ArgumentException",
                itemsWas, itemsNow);

        foreach (var name in new[] { QueryObject, QueryObjectName })
        {
            var (was, now) = (Values.Extension(before, name), Values.Extension(after, name));
            if (was == now) continue;
            Add(name, was is null ? "query-object-added" : "query-object-changed", was is null ? Severity.NonBreaking : Severity.Breaking,
                was is null
                    ? $"a hand-written query object {now} is added"
                    : $"query object {was} → {now ?? "(none)"}: the parameter callers pass (and how it is encoded) changes", was, now);
        }

        var known = new HashSet<string>([Replay, MaxRequestBytes, IdParameters, RequiredItems, QueryObject, QueryObjectName], StringComparer.Ordinal);
        CompareOther(changes, operation, Direction.Operation, Without(before, known), Without(after, known), basePointer, newPointer, "the operation");
    }

    /// <summary>Every extension not judged above: reported as info, since nothing on the wire depends on it.</summary>
    public static void CompareOther(ChangeCollector changes, string? operation, Direction direction,
        IDictionary<string, IOpenApiExtension>? before, IDictionary<string, IOpenApiExtension>? after, string basePointer, string newPointer, string subject)
    {
        var names = (before?.Keys ?? []).Union(after?.Keys ?? [], StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var (was, now) = (Values.Extension(before, name), Values.Extension(after, name));
            if (was == now) continue;
            var effect = name.StartsWith("x-voucherify-", StringComparison.Ordinal)
                ? "an SDK contract value the tool has no rule for: check what the client does with it"
                : name is "x-enumNames" or "x-originalName" or "x-position"
                    ? "generated C# names or order change (see C# callers), the wire does not"
                    : "nothing on the wire depends on it";
            changes.Add(operation, direction, Pointer.Append(now is null ? basePointer : newPointer, name), "extension-changed", Severity.Info,
                $"{subject}: {name} {was ?? "(none)"} → {now ?? "(none)"}; {effect}", was, now);
        }
    }

    private static IDictionary<string, IOpenApiExtension>? Without(IDictionary<string, IOpenApiExtension>? extensions, HashSet<string> names) =>
        extensions?.Where(e => !names.Contains(e.Key)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    private static string? Unquote(string? json) => json is null ? null : JsonNode.Parse(json) is JsonValue v && v.TryGetValue<string>(out var s) ? s : json;

    /// <summary>A size limit in bytes; null (no limit) and absence are unlimited.</summary>
    private static decimal Limit(string? json) => Values.Number(json) ?? decimal.MaxValue;

    private static string Bytes(string? json) => Values.Number(json) is { } n ? $"{n:0} bytes" : "none";

    private static IReadOnlyList<string> Names(IDictionary<string, IOpenApiExtension>? extensions, string name) =>
        Values.Extension(extensions, name) is { } json && JsonNode.Parse(json) is JsonArray array
            ? array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : Values.Json(n)).ToArray()
            : [];
}
