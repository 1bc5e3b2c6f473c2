using System.Collections;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using Voucherify.Serialization;

namespace Voucherify.SandboxTests.Spec;

/// <summary>
/// A request body with a value in every member its generated DTO declares (nested objects filled too), written by the
/// client's own serializer: a member added to the spec gets a value here without anyone listing it.
/// </summary>
internal static class SampleBody
{
    /// <summary><typeparamref name="T"/> with every member set, as JSON; <paramref name="fixedMembers"/> override (or, as null, drop) members.</summary>
    public static JObject Of<T>(IReadOnlyDictionary<string, JToken?> fixedMembers)
    {
        var json = JObject.FromObject(Fill(typeof(T), "")!, VoucherifyJson.Serializer);
        foreach (var (name, value) in fixedMembers)
        {
            if (value is null) json.Remove(name);
            else json[name] = value;
        }
        return json;
    }

    private static object? Fill(Type type, string name)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return $"sample-{name}";
        if (type == typeof(DateTime)) return new DateTime(2001, 2, 3);
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2001, 2, 3, 4, 5, 6, TimeSpan.Zero);
        if (type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(decimal)) return Convert.ChangeType(7, type);
        if (type == typeof(bool)) return true;
        if (type.IsEnum) return Enum.GetValues(type).GetValue(0);
        if (type == typeof(object)) return $"sample-{name}";
        var contract = VoucherifyJson.Serializer.ContractResolver.ResolveContract(type);
        switch (contract)
        {
            case JsonDictionaryContract dictionary:
                var map = (IDictionary)Activator.CreateInstance(Concrete(type, typeof(Dictionary<,>), dictionary.DictionaryKeyType!, dictionary.DictionaryValueType!))!;
                map.Add("sample", Fill(dictionary.DictionaryValueType!, name + ".sample"));
                return map;
            case JsonArrayContract array:
                var list = (IList)Activator.CreateInstance(Concrete(type, typeof(List<>), array.CollectionItemType!))!;
                list.Add(Fill(array.CollectionItemType!, name + "[]"));
                return list;
            case JsonObjectContract members:
                var instance = Activator.CreateInstance(type)!;
                foreach (var member in members.Properties.Where(p => p.Writable && !p.Ignored))
                    member.ValueProvider!.SetValue(instance, Fill(member.PropertyType!, name.Length == 0 ? member.PropertyName! : $"{name}.{member.PropertyName}"));
                return instance;
            default:
                throw new InvalidOperationException($"No sample value for {name} of type {type}: teach {nameof(SampleBody)} the type.");
        }
    }

    private static Type Concrete(Type declared, Type generic, params Type[] arguments) =>
        declared.IsInterface || declared.IsAbstract ? generic.MakeGenericType(arguments) : declared;
}
