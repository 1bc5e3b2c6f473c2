using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Serialization;

namespace Voucherify.Sandbox.Hosting;

/// <summary>
/// The values a generated query enum takes on the wire, read from its members' <c>[EnumMember]</c> attributes (what the
/// client sends): a value added to the spec's enum is accepted by the sandbox with no change here.
/// </summary>
internal static class WireValues
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<string>> Cache = new();

    /// <summary>The wire values of <paramref name="type"/> in declaration order; empty when it is not an enum.</summary>
    public static IReadOnlyList<string> Of(Type type) => Cache.GetOrAdd(type, static type => type.IsEnum
        ? type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => field.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? field.Name)
            .ToArray()
        : []);
}
