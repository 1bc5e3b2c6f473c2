using Newtonsoft.Json;

namespace Voucherify.Sandbox.Customers;

/// <summary>
/// A <c>customer.*</c> event's <c>data</c>, <c>{"customer": …}</c>: the stored customer itself (stored customers are
/// replaced, never mutated), one reference per event rather than a dictionary.
/// </summary>
internal sealed class CustomerSnapshot(Customer customer)
{
    [JsonProperty("customer")]
    public Customer Customer { get; } = customer;
}
