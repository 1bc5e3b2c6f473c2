using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace Voucherify.Sandbox.Hosting;

/// <summary>
/// Finds the first member of a request body whose JSON type does not fit the generated DTO, by walking the body along
/// the serializer's contracts. Newtonsoft.Json alone would coerce a <c>true</c> or <c>42</c> into a string member
/// (<c>"True"</c>, <c>"42"</c>), which the API refuses, and a converter's failure (a malformed <c>birthdate</c>) carries
/// no path, so neither could be reported by name.
/// </summary>
internal static class MemberTypes
{
    /// <summary>The JSON path (<c>address.city</c>, <c>source_ids[1]</c>) of the first ill-typed member; null when all fit.</summary>
    public static string? FirstMismatch(JToken token, Type type, JsonSerializer serializer) => Find(token, type, null, serializer, "");

    private static string? Find(JToken token, Type type, JsonConverter? converter, JsonSerializer serializer, string path)
    {
        if (token.Type == JTokenType.Null) return AcceptsNull(type) ? null : path;
        if (converter is not null) return Converts(token, type, converter, serializer) ? null : path;
        switch (serializer.ContractResolver.ResolveContract(type))
        {
            case JsonObjectContract contract:
                if (token is not JObject members) return path;
                foreach (var member in members.Properties())
                {
                    // Members the DTO does not declare go to its additional properties as they are.
                    if (contract.Properties.GetClosestMatchProperty(member.Name) is not { Ignored: false, PropertyType: { } memberType } property) continue;
                    var memberPath = path.Length == 0 ? member.Name : $"{path}.{member.Name}";
                    if (Find(member.Value, memberType, property.Converter, serializer, memberPath) is { } found) return found;
                }
                return null;
            case JsonArrayContract { CollectionItemType: { } itemType }:
                if (token is not JArray items) return path;
                for (var i = 0; i < items.Count; i++)
                {
                    if (Find(items[i], itemType, null, serializer, $"{path}[{i}]") is { } found) return found;
                }
                return null;
            case JsonPrimitiveContract when (Nullable.GetUnderlyingType(type) ?? type) == typeof(string):
                return token.Type == JTokenType.String ? null : path;
            case JsonPrimitiveContract:
                return Converts(token, type, converter: null, serializer) ? null : path;
            default:
                // Free-form values (metadata's object values, dictionaries) take any JSON.
                return null;
        }
    }

    private static bool AcceptsNull(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

    private static bool Converts(JToken token, Type type, JsonConverter? converter, JsonSerializer serializer)
    {
        try
        {
            if (converter is null)
            {
                token.ToObject(type, serializer);
                return true;
            }
            using var reader = token.CreateReader();
            reader.Read();
            converter.ReadJson(reader, type, existingValue: null, serializer);
            return true;
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidCastException or OverflowException)
        {
            return false;
        }
    }
}
