namespace Voucherify.Sandbox.Customers;

/// <summary>
/// A stored customer with its event history. The customer is kept once, as the DTO (for filtering and answering), and
/// replaced on every change, never mutated, so events can keep the DTO itself as their snapshot.
/// </summary>
internal sealed class CustomerEntry(Customer customer)
{
    public Customer Customer { get; private set; } = customer;

    public string Id => Customer.Id!;

    /// <summary>Deleted (not permanently): gone from get, update and list, but its activity can still be read by id.</summary>
    public bool Deleted { get; set; }

    /// <summary>Oldest first.</summary>
    public List<CustomerActivity> Events { get; } = [];

    private List<CustomerSegment>? _segments;
    private List<CustomerRedeemable>? _redeemables;

    /// <summary>The segments the customer is in; only a seed puts any here (most customers have no list at all).</summary>
    public IReadOnlyList<CustomerSegment> Segments => _segments ?? [];

    /// <summary>The customer's vouchers and cards, in the order they were given; only a seed puts any here.</summary>
    public IReadOnlyList<CustomerRedeemable> Redeemables => _redeemables ?? [];

    public void AddSegments(IEnumerable<CustomerSegment> segments) => (_segments ??= []).AddRange(segments);

    public void AddRedeemables(IEnumerable<CustomerRedeemable> redeemables) => (_redeemables ??= []).AddRange(redeemables);

    public void Replace(Customer customer) => Customer = customer;
}
