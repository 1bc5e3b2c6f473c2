using System.Collections.Concurrent;
using System.Collections.Frozen;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using Voucherify.Http;
using Voucherify.Sandbox.Hosting;

namespace Voucherify.Sandbox.Customers;

/// <summary>
/// The customer members an operation's request may set: the JSON names of its generated request DTO (of the item type
/// for an array body), as the serializer's contract reports them, without the identity members (<c>id</c>,
/// <c>source_id</c>), which the store handles apart. A member added to a request body in the spec is stored and
/// returned with no change to the sandbox.
/// </summary>
internal static class ProfileMembers
{
    private static readonly string[] Identity = ["id", "source_id"];
    private static readonly ConcurrentDictionary<Type, FrozenSet<string>> Cache = new();

    /// <summary>The members <paramref name="operation"/>'s body may set.</summary>
    public static FrozenSet<string> Of(OperationDescriptor operation) =>
        Of(operation.RequestBody ?? throw new InvalidOperationException($"{operation.Id} has no JSON request body."));

    /// <summary>The members a body of <paramref name="requestBody"/> (or a JSON array of its item type) may set.</summary>
    public static FrozenSet<string> Of(Type requestBody) => Cache.GetOrAdd(ItemType(requestBody), static type =>
        SandboxJson.Serializer.ContractResolver.ResolveContract(type) is JsonObjectContract contract
            ? contract.Properties.Where(p => !p.Ignored).Select(p => p.PropertyName!).Except(Identity).ToFrozenSet(StringComparer.Ordinal)
            : throw new InvalidOperationException($"{type} is not a JSON object type."));

    /// <summary>The members of <paramref name="body"/> that <paramref name="members"/> names.</summary>
    public static JObject Select(JObject body, FrozenSet<string> members)
    {
        var profile = new JObject();
        foreach (var member in body.Properties())
            if (members.Contains(member.Name)) profile.Add(member.Name, member.Value);
        return profile;
    }

    private static Type ItemType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? type.GetGenericArguments()[0] : type;
}
