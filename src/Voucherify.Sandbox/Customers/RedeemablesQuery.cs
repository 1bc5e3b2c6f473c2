using Voucherify.Sandbox.Hosting;

namespace Voucherify.Sandbox.Customers;

/// <summary>The query of <c>GET /v1/customers/{id}/redeemables</c>: limit, order by holder id, cursor and filters.</summary>
internal sealed class RedeemablesQuery
{
    public int Limit { get; private init; }
    public string? Order { get; private init; }
    public string? StartingAfterId { get; private init; }
    public RedeemablesFilter Filter { get; private init; } = null!;

    /// <summary>Reads the query; null when a parameter or filter is malformed (<see cref="QueryReader.Problem"/> says which).</summary>
    public static RedeemablesQuery? Parse(QueryReader reader)
    {
        var limit = reader.Integer("limit");
        var order = reader.OneOf("order");
        var startingAfterId = reader.Text("starting_after_id");
        var filter = RedeemablesFilter.Parse(reader.Query, out var filterProblem);
        if (filterProblem is not null) reader.Problems.Add(filterProblem);
        return reader.Problem is null ? new RedeemablesQuery { Limit = limit, Order = order, StartingAfterId = startingAfterId, Filter = filter! } : null;
    }

    /// <summary>The matches (in the order given, or by holder id), their count, and one page of them.</summary>
    public (List<CustomerRedeemable> Page, int Total, bool HasMore, string? MoreStartingAfter) Apply(IReadOnlyList<CustomerRedeemable> redeemables, DateTimeOffset now)
    {
        var matches = redeemables.Where(r => Filter.Matches(r, now));
        var ordered = (Order switch
        {
            "id" => matches.OrderBy(r => r.Id, StringComparer.Ordinal),
            "-id" => matches.OrderByDescending(r => r.Id, StringComparer.Ordinal),
            _ => matches,
        }).ToList();
        var (page, hasMore, next) = IdCursorPage.Of(ordered, StartingAfterId, Limit, r => r.Id);
        return (page, ordered.Count, hasMore, next);
    }
}
