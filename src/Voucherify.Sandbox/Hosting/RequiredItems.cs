using Newtonsoft.Json.Linq;
using Voucherify.Http;

namespace Voucherify.Sandbox.Hosting;

/// <summary>
/// The spec's <c>x-voucherify-required-items</c>, read from the operation's descriptor: the JSON array (the body
/// itself, or a top-level member) that the API refuses with a 400 when it is empty, such as a bulk update of no
/// customers or a metadata update naming no <c>source_ids</c>.
/// </summary>
internal static class RequiredItems
{
    /// <summary>The 400's details when the operation's required array is there and empty; null otherwise.</summary>
    public static string? Problem(OperationDescriptor operation, JToken body) => operation.RequiredItems switch
    {
        null => null,
        OperationDescriptor.WholeBody => body is JArray { Count: 0 } ? "The request body must hold at least one item." : null,
        var member => body is JObject members && members[member] is JArray { Count: 0 } ? $"{member} must hold at least one item." : null,
    };
}
