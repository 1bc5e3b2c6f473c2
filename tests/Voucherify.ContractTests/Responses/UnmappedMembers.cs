using System.Collections;
using System.Reflection;

namespace Voucherify.ContractTests.Responses;

/// <summary>
/// Finds response members the client had no typed property for: the generated DTOs park them in
/// <c>AdditionalProperties</c>, so anything there means the project's spec is missing a member the vendor sends.
/// </summary>
internal static class UnmappedMembers
{
    public static List<string> In(object? response)
    {
        var found = new List<string>();
        Walk(response, "$", found);
        return found;
    }

    private static void Walk(object? value, string path, List<string> found)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum) return;
        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary) Walk(entry.Value, $"{path}[{entry.Key}]", found);
            return;
        }
        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items) Walk(item, $"{path}[{index++}]", found);
            return;
        }
        var type = value.GetType();
        if (type.Assembly != typeof(VoucherifyClient).Assembly) return; // JObject and other raw JSON is free-form by design.
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            var member = property.GetValue(value);
            if (property.Name == "AdditionalProperties")
                found.AddRange(((IDictionary<string, object>)member!).Keys.Select(key => $"{path}.{key}"));
            else
                Walk(member, $"{path}.{property.Name}", found);
        }
    }
}
