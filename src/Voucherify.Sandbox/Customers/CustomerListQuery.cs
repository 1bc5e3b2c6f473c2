using Voucherify.Sandbox.Hosting;

namespace Voucherify.Sandbox.Customers;

/// <summary>The query of <c>GET /v1/customers</c>: filters, order, page and the <c>starting_after</c> cursor.</summary>
internal sealed class CustomerListQuery
{
    public int Limit { get; private init; }
    public int Page { get; private init; }
    public string? Email { get; private init; }
    public string? City { get; private init; }
    public string? Name { get; private init; }
    public string? SegmentId { get; private init; }
    public DateTimeOffset? CreatedBefore { get; private init; }
    public DateTimeOffset? CreatedAfter { get; private init; }
    public DateTimeOffset? UpdatedBefore { get; private init; }
    public DateTimeOffset? UpdatedAfter { get; private init; }
    public string? Order { get; private init; }
    public DateTimeOffset? StartingAfter { get; private init; }

    /// <summary>Reads the query; null when a parameter is out of range or malformed (<see cref="QueryReader.Problem"/> says which).</summary>
    public static CustomerListQuery? Parse(QueryReader reader)
    {
        var parsed = new CustomerListQuery
        {
            Limit = reader.Integer("limit"),
            Page = reader.Integer("page"),
            Email = reader.Text("email"),
            City = reader.Text("city"),
            Name = reader.Text("name"),
            SegmentId = reader.Text("segment_id"),
            CreatedBefore = reader.Instant("created_at[before]"),
            CreatedAfter = reader.Instant("created_at[after]"),
            UpdatedBefore = reader.Instant("updated_at[before]"),
            UpdatedAfter = reader.Instant("updated_at[after]"),
            Order = reader.OneOf("order"),
            StartingAfter = reader.Instant("starting_after"),
        };
        return reader.Problem is null ? parsed : null;
    }

    /// <summary>The matching customers in order, the requested page of them, and whether more follow.</summary>
    /// <param name="customers">The live customers.</param>
    /// <param name="segmentMembers">The ids of the customers in <see cref="SegmentId"/>'s segment, when filtering by one.</param>
    public (IReadOnlyList<Customer> Page, int Total, bool HasMore) Apply(List<Customer> customers, IReadOnlySet<string>? segmentMembers)
    {
        IEnumerable<Customer> matches = customers;
        if (Email is not null) matches = matches.Where(c => c.Email == Email);
        if (City is not null) matches = matches.Where(c => c.Address?.City == City);
        if (Name is not null) matches = matches.Where(c => c.Name == Name);
        if (segmentMembers is not null) matches = matches.Where(c => segmentMembers.Contains(c.Id!));
        if (CreatedBefore is { } cb) matches = matches.Where(c => c.CreatedAt < cb);
        if (CreatedAfter is { } ca) matches = matches.Where(c => c.CreatedAt > ca);
        if (UpdatedBefore is { } ub) matches = matches.Where(c => LastChange(c) < ub);
        if (UpdatedAfter is { } ua) matches = matches.Where(c => LastChange(c) > ua);

        // The cursor follows the sort key when sorting by time, and walks forwards only for an ascending time order.
        var byUpdate = Order is "updated_at" or "-updated_at";
        if (StartingAfter is { } cursor)
        {
            Func<Customer, DateTimeOffset> key = byUpdate ? LastChange : c => c.CreatedAt!.Value;
            var forwards = Order is "created_at" or "updated_at";
            matches = matches.Where(c => forwards ? key(c) > cursor : key(c) < cursor);
        }

        var sorted = (Order switch
        {
            "created_at" => matches.OrderBy(c => c.CreatedAt),
            "updated_at" => matches.OrderBy(LastChange).ThenBy(c => c.CreatedAt),
            "-updated_at" => matches.OrderByDescending(LastChange).ThenByDescending(c => c.CreatedAt),
            "source_id" => matches.OrderBy(c => c.SourceId, StringComparer.Ordinal).ThenBy(c => c.CreatedAt),
            "-source_id" => matches.OrderByDescending(c => c.SourceId, StringComparer.Ordinal).ThenByDescending(c => c.CreatedAt),
            _ => matches.OrderByDescending(c => c.CreatedAt),
        }).ToList();

        var skip = (Page - 1) * Limit;
        var page = sorted.Skip(skip).Take(Limit).ToList();
        return (page, sorted.Count, skip + page.Count < sorted.Count);
    }

    /// <summary>A customer never updated has no <c>updated_at</c>; for filters and order its creation counts.</summary>
    private static DateTimeOffset LastChange(Customer c) => c.UpdatedAt ?? c.CreatedAt!.Value;
}
