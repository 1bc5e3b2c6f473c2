namespace Voucherify.Sandbox;

/// <summary>
/// One customer of a <see cref="SandboxSeed"/>, with what belongs to it. Every list is served by its endpoint as given
/// (with the endpoint's paging, order and filters); an id or timestamp left null is generated when the seed is loaded.
/// </summary>
public sealed class SeedCustomer
{
    /// <summary>A seeded customer.</summary>
    /// <param name="customer">
    /// The customer as <c>GET /v1/customers/{id}</c> returns it. Members left null get the values a new customer has
    /// (zero summaries, loyalty and referrals, empty metadata); <c>id</c> and <c>created_at</c> are generated when null.
    /// </param>
    public SeedCustomer(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        Customer = customer;
    }

    /// <summary>The customer itself.</summary>
    public Customer Customer { get; }

    /// <summary>The segments <c>GET /v1/customers/{id}/segments</c> lists; <c>id</c> (<c>seg_…</c>) is generated when null.</summary>
    public IList<CustomerSegment> Segments { get; } = new List<CustomerSegment>();

    /// <summary>
    /// The vouchers, gift and loyalty cards <c>GET /v1/customers/{id}/redeemables</c> lists. <c>id</c> (<c>rh_…</c>),
    /// <c>created_at</c> and <c>customer_id</c> are filled in when null.
    /// </summary>
    public IList<CustomerRedeemable> Redeemables { get; } = new List<CustomerRedeemable>();

    /// <summary>
    /// Events <c>GET /v1/customers/{id}/activity</c> lists, in any order (they are served by <c>created_at</c>);
    /// <c>type</c> is required, <c>id</c> (<c>evcus_…</c>), <c>created_at</c> and <c>group_id</c> are generated when null.
    /// </summary>
    public IList<CustomerActivity> Activity { get; } = new List<CustomerActivity>();
}
