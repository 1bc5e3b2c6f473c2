using Microsoft.AspNetCore.Http;
using Voucherify.Sandbox.Hosting;

namespace Voucherify.Sandbox.Customers;

/// <summary>The query of <c>GET /v1/customers/{id}/redeemables</c>: limit, order by holder id, cursor and filters.</summary>
internal sealed class RedeemablesQuery
{
    private static readonly string[] Orders = ["id", "-id"];

    public int Limit { get; private init; } = 10;
    public string? Order { get; private init; }
    public string? StartingAfterId { get; private init; }
    public RedeemablesFilter Filter { get; private init; } = null!;

    public static RedeemablesQuery? Parse(IQueryCollection query, out string? problem)
    {
        var reader = new QueryReader(query);
        var limit = reader.Integer("limit", 1, 100, 10);
        var order = reader.OneOf("order", Orders);
        var startingAfterId = reader.Text("starting_after_id");
        var filter = RedeemablesFilter.Parse(query, out var filterProblem);
        if (filterProblem is not null) reader.Problems.Add(filterProblem);
        problem = reader.Problem;
        return problem is null ? new RedeemablesQuery { Limit = limit, Order = order, StartingAfterId = startingAfterId, Filter = filter! } : null;
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
