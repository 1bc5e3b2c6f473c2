using Microsoft.AspNetCore.Http;
using Voucherify.Sandbox.Hosting;

namespace Voucherify.Sandbox.Customers;

/// <summary>The query of <c>GET /v1/customers/{id}/activity</c>, paged with the <c>starting_after_id</c> cursor.</summary>
internal sealed class ActivityQuery
{
    private static readonly string[] Orders = ["created_at", "-created_at"];
    private static readonly string[] CampaignTypes = ["PROMOTION", "GIFT_VOUCHERS", "REFERRAL_PROGRAM", "DISCOUNT_COUPONS", "LOYALTY_PROGRAM"];
    private static readonly string[] Categories = ["ACTION", "EFFECT"];

    public int Limit { get; private init; } = 10;
    public bool Ascending { get; private init; }
    public string? StartingAfterId { get; private init; }
    public DateTimeOffset? StartDate { get; private init; }
    public DateTimeOffset? EndDate { get; private init; }
    public string? CampaignId { get; private init; }
    public string? CampaignType { get; private init; }
    public string? Category { get; private init; }
    public string? Type { get; private init; }

    public static ActivityQuery? Parse(IQueryCollection query, out string? problem)
    {
        var reader = new QueryReader(query);
        var parsed = new ActivityQuery
        {
            Limit = reader.Integer("limit", 1, 100, 10),
            Ascending = reader.OneOf("order", Orders) == "created_at",
            StartingAfterId = reader.Text("starting_after_id"),
            StartDate = reader.Instant("start_date"),
            EndDate = reader.Instant("end_date"),
            CampaignId = reader.Text("campaign_id"),
            CampaignType = reader.OneOf("campaign_type", CampaignTypes),
            Category = reader.OneOf("category", Categories),
            Type = reader.Text("type"),
        };
        problem = reader.Problem;
        return problem is null ? parsed : null;
    }

    /// <summary>One page of <paramref name="events"/> (oldest first), and the cursor for the next page when there is one.</summary>
    public (IReadOnlyList<CustomerActivity> Page, bool HasMore, string? MoreStartingAfter) Apply(IReadOnlyList<CustomerActivity> events)
    {
        IEnumerable<CustomerActivity> matches = Ascending ? events : events.Reverse();
        if (CampaignId is not null) matches = matches.Where(e => ActivityClassifier.ConcernsCampaign(e, CampaignId));
        if (CampaignType is not null) matches = matches.Where(e => ActivityClassifier.ConcernsCampaignType(e, CampaignType));
        if (Category is not null) matches = matches.Where(e => ActivityClassifier.IsEffect(e) == (Category == "EFFECT"));
        if (StartDate is { } start) matches = matches.Where(e => e.CreatedAt >= start);
        if (EndDate is { } end) matches = matches.Where(e => e.CreatedAt <= end);
        if (Type is not null) matches = matches.Where(e => e.Type == Type);
        return IdCursorPage.Of(matches.ToList(), StartingAfterId, Limit, e => e.Id);
    }
}
