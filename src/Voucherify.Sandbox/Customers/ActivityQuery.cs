using Voucherify.Sandbox.Hosting;

namespace Voucherify.Sandbox.Customers;

/// <summary>The query of <c>GET /v1/customers/{id}/activity</c>, paged with the <c>starting_after_id</c> cursor.</summary>
internal sealed class ActivityQuery
{
    public int Limit { get; private init; }
    public bool Ascending { get; private init; }
    public string? StartingAfterId { get; private init; }
    public DateTimeOffset? StartDate { get; private init; }
    public DateTimeOffset? EndDate { get; private init; }
    public string? CampaignId { get; private init; }
    public string? CampaignType { get; private init; }
    public string? Category { get; private init; }
    public string? Type { get; private init; }

    /// <summary>Reads the query; null when a parameter is out of range or malformed (<see cref="QueryReader.Problem"/> says which).</summary>
    public static ActivityQuery? Parse(QueryReader reader)
    {
        var parsed = new ActivityQuery
        {
            Limit = reader.Integer("limit"),
            Ascending = reader.OneOf("order") == "created_at",
            StartingAfterId = reader.Text("starting_after_id"),
            StartDate = reader.Instant("start_date"),
            EndDate = reader.Instant("end_date"),
            CampaignId = reader.Text("campaign_id"),
            CampaignType = reader.OneOf("campaign_type"),
            Category = reader.OneOf("category"),
            Type = reader.Text("type"),
        };
        return reader.Problem is null ? parsed : null;
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
