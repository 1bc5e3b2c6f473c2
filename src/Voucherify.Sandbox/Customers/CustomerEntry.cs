using Newtonsoft.Json.Linq;

namespace Voucherify.Sandbox.Customers;

/// <summary>
/// A stored customer with its event history. The customer is kept twice, as the DTO (for filtering and answering) and
/// as its JSON (so that a change is one merge, not a serialisation round trip); both are replaced together, never
/// mutated.
/// </summary>
internal sealed class CustomerEntry(Customer customer, JObject json)
{
    public Customer Customer { get; private set; } = customer;

    public JObject Json { get; private set; } = json;

    public string Id => Customer.Id!;

    /// <summary>Deleted (not permanently): gone from get, update and list, but its activity can still be read by id.</summary>
    public bool Deleted { get; set; }

    /// <summary>Oldest first.</summary>
    public List<CustomerActivity> Events { get; } = [];

    /// <summary>The segments the customer is in; only a seed puts any here.</summary>
    public List<SimpleSegment> Segments { get; } = [];

    /// <summary>The customer's vouchers and cards, in the order they were given; only a seed puts any here.</summary>
    public List<CustomerRedeemable> Redeemables { get; } = [];

    public void Replace(Customer customer, JObject json)
    {
        Customer = customer;
        Json = json;
    }
}
