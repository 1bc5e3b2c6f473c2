using Voucherify.IntegrationTests.Infrastructure;

namespace Voucherify.IntegrationTests;

public sealed class CustomerHistoryTests
{
    [Fact]
    public async Task Activity_records_the_sandboxs_own_events_newest_first_with_request_ids()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();
        var created = await client.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "crm-1", Name = "A" });
        await client.Customers.UpdateCustomerAsync("crm-1", new CustomerUpdateOptions { Name = "B" });

        var activity = await client.Customers.ListCustomerActivityAsync("crm-1");

        Assert.Equal("list", activity.Object);
        Assert.Equal("data", activity.DataRef);
        Assert.False(activity.HasMore);
        Assert.Null(activity.MoreStartingAfter);
        Assert.Equal(["customer.updated", "customer.created"], activity.Data!.Select(e => e.Type));
        var latest = activity.Data![0];
        Assert.StartsWith("evcus_", latest.Id);
        Assert.StartsWith("v-", latest.GroupId);
        Assert.Equal("API", latest.Data!.EventSource!.Channel);
        Assert.Equal(created.Id, ((Newtonsoft.Json.Linq.JObject)latest.Data.Data!)["customer"]!["id"]!.ToString());
    }

    [Fact]
    public async Task Activity_pages_with_starting_after_id_in_both_orders()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();
        await client.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "crm-1" });
        for (var i = 0; i < 24; i++)
            await client.Customers.UpdateCustomerAsync("crm-1", new CustomerUpdateOptions { Phone = i.ToString() });

        async Task<List<CustomerActivity>> ReadAll(CustomerActivityListOrder? order)
        {
            var events = new List<CustomerActivity>();
            string? cursor = null;
            do
            {
                var page = await client.Customers.ListCustomerActivityAsync("crm-1", limit: 10, order: order, startingAfterId: cursor);
                events.AddRange(page.Data!);
                Assert.Equal(page.HasMore == true, page.MoreStartingAfter is not null);
                cursor = page.MoreStartingAfter;
            } while (cursor is not null);
            return events;
        }

        var newestFirst = await ReadAll(null);
        var oldestFirst = await ReadAll(CustomerActivityListOrder.CreatedAt);

        Assert.Equal(25, newestFirst.Count);
        Assert.Equal(newestFirst.Select(e => e.Id).Distinct(), newestFirst.Select(e => e.Id));
        Assert.Equal(newestFirst.Select(e => e.Id).Reverse(), oldestFirst.Select(e => e.Id));
        Assert.Equal("customer.created", oldestFirst[0].Type);
    }

    [Fact]
    public async Task Activity_filters_by_type_and_date_and_finds_no_campaign_events()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();
        await client.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "crm-1" });
        var afterCreate = DateTimeOffset.UtcNow;
        await client.Customers.UpdateCustomerAsync("crm-1", new CustomerUpdateOptions { Name = "B" });

        var created = await client.Customers.ListCustomerActivityAsync("crm-1", type: "customer.created");
        var recent = await client.Customers.ListCustomerActivityAsync("crm-1", startDate: afterCreate);
        var campaign = await client.Customers.ListCustomerActivityAsync("crm-1", campaignType: CampaignType.LoyaltyProgram);

        Assert.Equal(["customer.created"], created.Data!.Select(e => e.Type));
        Assert.Equal(["customer.updated"], recent.Data!.Select(e => e.Type));
        Assert.Empty(campaign.Data!);
    }

    [Fact]
    public async Task Segments_and_redeemables_are_well_formed_empty_lists()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();
        await client.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "crm-1" });

        var segments = await client.Customers.ListCustomerSegmentsAsync("crm-1");
        var redeemables = await client.Customers.ListCustomerRedeemablesAsync("crm-1", limit: 5, order: CustomerRedeemableListOrder.IdDescending);

        Assert.Equal(("list", "data", 0), (segments.Object, segments.DataRef, segments.Total));
        Assert.Empty(segments.Data!);
        Assert.Equal(("list", "data", 0, false), (redeemables.Object, redeemables.DataRef, redeemables.Total, redeemables.HasMore));
        Assert.Empty(redeemables.Data!);
    }

    [Fact]
    public async Task Unknown_customers_are_404_for_activity_and_redeemables_but_not_for_segments()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();

        var activity = await Assert.ThrowsAsync<VoucherifyApiException>(() => client.Customers.ListCustomerActivityAsync("nobody"));
        var redeemables = await Assert.ThrowsAsync<VoucherifyApiException>(() => client.Customers.ListCustomerRedeemablesAsync("nobody"));
        var segments = await client.Customers.ListCustomerSegmentsAsync("nobody");

        Assert.Equal((404, "not_found"), (activity.StatusCode, activity.Key));
        Assert.Equal((404, "not_found"), (redeemables.StatusCode, redeemables.Key));
        Assert.Equal(0, segments.Total);
    }
}
