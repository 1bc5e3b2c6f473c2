using System.Collections;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Voucherify.Sandbox.Hosting;

/// <summary>
/// Serializes a response body with Newtonsoft.Json one list item at a time, yielding to the client between items, so
/// a page of large customers (or a long journal) is never built whole. Lists, and objects that hold a list within
/// <see cref="MaxDepth"/> levels, are walked here; everything else, each item included, goes to the serializer whole.
/// The walk writes exactly what <see cref="JsonSerializer.Serialize(JsonWriter, object)"/> would (the properties in
/// contract order, null members left out as the contract says, extension data last), which a test holds it to.
/// </summary>
internal static class StreamingJsonWriter
{
    /// <summary>How deep a list may sit to be streamed: the list of a page (1), the failed rows of a job's result (2).</summary>
    private const int MaxDepth = 2;

    public static async Task WriteAsync(HttpResponseBody body, object value, JsonSerializer serializer, CancellationToken cancellationToken)
    {
        await WriteValueAsync(body, value, serializer, 0, cancellationToken);
        await body.Text.CompleteAsync(cancellationToken);
    }

    private static async ValueTask WriteValueAsync(HttpResponseBody body, object? value, JsonSerializer serializer, int depth, CancellationToken cancellationToken)
    {
        var json = body.Json;
        if (value is not null && body.Serialized?.Invoke(value) is { } serialized)
        {
            // Written before: the bytes as they are, after whatever separator the JSON writer owes.
            json.WriteRawValue(null);
            body.Text.WriteUtf8(serialized);
            return;
        }
        switch (Streamable(value, serializer, depth))
        {
            case JsonArrayContract when value is IEnumerable items:
                json.WriteStartArray();
                foreach (var item in items)
                {
                    // A page of stored customers is mostly this: their kept JSON, with no await in between.
                    if (item is not null && body.Serialized?.Invoke(item) is { } kept)
                    {
                        json.WriteRawValue(null);
                        body.Text.WriteUtf8(kept);
                    }
                    else
                    {
                        await WriteValueAsync(body, item, serializer, depth + 1, cancellationToken);
                    }
                    if (body.Text.ShouldYield) await body.Text.YieldAsync(cancellationToken);
                }
                json.WriteEndArray();
                break;
            case JsonObjectContract contract:
                json.WriteStartObject();
                foreach (var property in contract.Properties)
                {
                    if (!ShouldWrite(property, value!, serializer, out var member)) continue;
                    json.WritePropertyName(property.PropertyName!);
                    if (member is null) json.WriteNull();
                    else if (property.Converter is { CanWrite: true } converter) converter.WriteJson(json, member, serializer);
                    else await WriteValueAsync(body, member, serializer, depth + 1, cancellationToken);
                }
                if (contract.ExtensionDataGetter?.Invoke(value!) is { } extensionData)
                {
                    foreach (var (name, member) in extensionData)
                    {
                        json.WritePropertyName(Convert.ToString(name, System.Globalization.CultureInfo.InvariantCulture)!);
                        serializer.Serialize(json, member);
                    }
                }
                json.WriteEndObject();
                break;
            default:
                serializer.Serialize(json, value);
                break;
        }
    }

    /// <summary>The contract to walk <paramref name="value"/> by, or null to serialize it whole.</summary>
    private static JsonContract? Streamable(object? value, JsonSerializer serializer, int depth)
    {
        if (value is null or string || depth > MaxDepth) return null;
        var contract = serializer.ContractResolver.ResolveContract(value.GetType());
        if (contract.Converter is not null || contract.OnSerializingCallbacks.Count > 0 || contract.OnSerializedCallbacks.Count > 0
            || serializer.Converters.Any(c => c.CanWrite && c.CanConvert(value.GetType())))
            return null;
        return contract switch
        {
            // One item is no list worth walking (and the most common page of a test).
            JsonArrayContract when value is ICollection { Count: <= 1 } => null,
            JsonArrayContract when value is IEnumerable => contract,
            // At the deepest level only a list is walked: its members could not be.
            JsonObjectContract objectContract when depth < MaxDepth && HoldsList(objectContract, value, serializer, depth) => contract,
            _ => null,
        };
    }

    private static bool HoldsList(JsonObjectContract contract, object value, JsonSerializer serializer, int depth)
    {
        foreach (var property in contract.Properties)
        {
            // A member whose writing the walk does not reproduce makes the whole object go to the serializer.
            if (property.DefaultValueHandling is { } handling && handling != DefaultValueHandling.Include) return false;
            if (property.IsReference == true || property.TypeNameHandling is not null && property.TypeNameHandling != TypeNameHandling.None) return false;
        }
        foreach (var property in contract.Properties)
        {
            if (ShouldWrite(property, value, serializer, out var member) && property.Converter is null && Streamable(member, serializer, depth + 1) is not null)
                return true;
        }
        return false;
    }

    private static bool ShouldWrite(JsonProperty property, object target, JsonSerializer serializer, out object? member)
    {
        member = null;
        if (property.Ignored || !property.Readable) return false;
        if (property.ShouldSerialize is { } should && !should(target)) return false;
        member = property.ValueProvider!.GetValue(target);
        return member is not null || (property.NullValueHandling ?? serializer.NullValueHandling) == NullValueHandling.Include;
    }
}

/// <summary>
/// A response body being written: the UTF-8 text writer and the JSON writer over it, which share its state, and the
/// source of values serialized before (stored customers' JSON), if any.
/// </summary>
internal sealed class HttpResponseBody(ResponseBodyWriter text, JsonWriter json, Func<object, byte[]?>? serialized = null)
{
    public Func<object, byte[]?>? Serialized { get; } = serialized;

    public ResponseBodyWriter Text { get; } = text;

    public JsonWriter Json { get; } = json;
}
