using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Voucherify.Sandbox.Hosting;

namespace Voucherify.Sandbox.Seeding;

/// <summary>
/// Reads the JSON seed format into a <see cref="SandboxSeed"/>, converting each value into the generated DTO so that a
/// member of the wrong type is reported with its JSON path before anything is loaded.
/// </summary>
internal static class SeedReader
{
    private static readonly string[] OwnedLists = ["segments", "redeemables", "activity"];

    public static SandboxSeed Read(TextReader text, string origin)
    {
        var root = Parse(text, origin);
        if (root is not JObject rootObject) throw new SandboxSeedException(origin, "$", "a seed is a JSON object with a \"customers\" array");
        foreach (var member in rootObject.Properties())
        {
            if (member.Name != "customers")
                throw new SandboxSeedException(origin, PathOf(member.Value), "unknown member; a seed has only \"customers\"");
        }
        var seed = new SandboxSeed { Origin = origin };
        if (rootObject["customers"] is not { } customers) return seed;
        foreach (var item in ArrayOfObjects(customers, origin))
        {
            // The three lists land among the customer's additional properties; they belong to the seed, not to it.
            var customer = Convert<Customer>(item, PathOf(item), origin);
            foreach (var list in OwnedLists) customer.AdditionalProperties.Remove(list);
            var seeded = new SeedCustomer(customer);
            AddAll(seeded.Segments, item["segments"], origin);
            AddAll(seeded.Redeemables, item["redeemables"], origin);
            AddAll(seeded.Activity, item["activity"], origin);
            seed.Customers.Add(seeded);
        }
        return seed;
    }

    private static JToken Parse(TextReader text, string origin)
    {
        using var json = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, MaxDepth = 128 };
        try
        {
            var root = JToken.ReadFrom(json);
            if (json.Read()) throw new SandboxSeedException(origin, "$", $"unexpected text after the seed at line {json.LineNumber}, position {json.LinePosition}");
            return root;
        }
        catch (JsonReaderException e)
        {
            throw new SandboxSeedException(origin, ToJsonPath(e.Path), $"not valid JSON at line {e.LineNumber}, position {e.LinePosition}");
        }
    }

    private static void AddAll<T>(IList<T> target, JToken? items, string origin) where T : class
    {
        if (items is null || items.Type == JTokenType.Null) return;
        foreach (var item in ArrayOfObjects(items, origin)) target.Add(Convert<T>(item, PathOf(item), origin));
    }

    private static IEnumerable<JObject> ArrayOfObjects(JToken token, string origin)
    {
        if (token is not JArray array) throw new SandboxSeedException(origin, PathOf(token), "must be an array");
        foreach (var item in array)
        {
            if (item is not JObject itemObject) throw new SandboxSeedException(origin, PathOf(item), "must be an object");
            yield return itemObject;
        }
    }

    private static T Convert<T>(JObject json, string path, string origin) where T : class
    {
        try
        {
            return json.ToObject<T>(SandboxJson.Serializer)!;
        }
        catch (JsonException e)
        {
            // The serializer's own message names .NET types; the seed's author needs the member and the expected kind.
            var at = e is JsonSerializationException { Path: { Length: > 0 } inner } ? ToJsonPath(inner) : path;
            throw new SandboxSeedException(origin, at, $"has the wrong type for {typeof(T).Name}; see the shape GET /v1/customers/{{id}} and its lists return");
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidCastException or OverflowException)
        {
            throw new SandboxSeedException(origin, path, "has a value of the wrong type (a date-time must be ISO 8601, a number a JSON number)");
        }
    }

    private static string PathOf(JToken token) => ToJsonPath(token.Path);

    private static string ToJsonPath(string? path) =>
        string.IsNullOrEmpty(path) ? "$" : path.StartsWith('[') ? "$" + path : "$." + path;
}
