namespace Voucherify.Sandbox.Customers;

/// <summary>A stored customer with its event history. The <see cref="Customer"/> instance is replaced, never mutated.</summary>
internal sealed class CustomerEntry(Customer customer)
{
    public Customer Customer { get; set; } = customer;

    public string Id => Customer.Id!;

    /// <summary>Deleted (not permanently): gone from get, update and list, but its activity can still be read by id.</summary>
    public bool Deleted { get; set; }

    /// <summary>Oldest first.</summary>
    public List<CustomerActivity> Events { get; } = [];
}
