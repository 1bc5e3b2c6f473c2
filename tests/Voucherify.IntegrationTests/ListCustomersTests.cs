using Voucherify.IntegrationTests.Infrastructure;
using Voucherify.Sandbox;

namespace Voucherify.IntegrationTests;

public sealed class ListCustomersTests : IAsyncLifetime
{
    private const int Count = 250;
    private VoucherifySandbox _sandbox = null!;
    private VoucherifyClient _client = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await Sandboxes.StartAsync();
        _client = _sandbox.CheckedClient();
        // Created one by one, so creation order is source_id order: c-000 oldest, c-249 newest.
        for (var i = 0; i < Count; i++)
        {
            await _client.Customers.CreateCustomerAsync(new CustomerCreateOptions
            {
                SourceId = $"c-{i:000}",
                Name = i % 2 == 0 ? "Even" : "Odd",
                Email = $"c{i}@example.com",
                Address = new CustomerAddress { City = i % 5 == 0 ? "Warsaw" : "Berlin" },
            });
        }
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task Pages_cover_every_customer_once_newest_first_with_total_and_has_more()
    {
        var seen = new List<string>();
        for (var page = 1; ; page++)
        {
            var result = await _client.Customers.ListCustomersAsync(limit: 100, page: page);
            Assert.Equal("list", result.Object);
            Assert.Equal("customers", result.DataRef);
            Assert.Equal(Count, result.Total);
            seen.AddRange(result.Customers!.Select(c => c.SourceId!));
            Assert.Equal(page < 3, result.HasMore);
            if (result.HasMore != true) break;
        }

        Assert.Equal(Enumerable.Range(0, Count).Reverse().Select(i => $"c-{i:000}"), seen);
    }

    [Fact]
    public async Task The_default_page_is_ten_customers()
    {
        var result = await _client.Customers.ListCustomersAsync();

        Assert.Equal(10, result.Customers!.Count);
        Assert.Equal("c-249", result.Customers[0].SourceId);
        Assert.True(result.HasMore);
    }

    [Fact]
    public async Task Starting_after_walks_backwards_without_order_and_forwards_with_order_created_at()
    {
        var backwards = new List<string>();
        DateTimeOffset? cursor = null;
        while (true)
        {
            var page = await _client.Customers.ListCustomersAsync(limit: 100, startingAfter: cursor);
            backwards.AddRange(page.Customers!.Select(c => c.SourceId!));
            if (page.HasMore != true) break;
            cursor = page.Customers![^1].CreatedAt;
        }

        var forwards = new List<string>();
        cursor = DateTimeOffset.UnixEpoch;
        while (true)
        {
            var page = await _client.Customers.ListCustomersAsync(limit: 100, order: CustomerListOrder.CreatedAt, startingAfter: cursor);
            forwards.AddRange(page.Customers!.Select(c => c.SourceId!));
            if (page.HasMore != true) break;
            cursor = page.Customers![^1].CreatedAt;
        }

        Assert.Equal(Enumerable.Range(0, Count).Reverse().Select(i => $"c-{i:000}"), backwards);
        Assert.Equal(Enumerable.Range(0, Count).Select(i => $"c-{i:000}"), forwards);
    }

    [Fact]
    public async Task Filters_by_email_city_and_name_combine()
    {
        var byEmail = await _client.Customers.ListCustomersAsync(email: "c7@example.com");
        var byCityAndName = await _client.Customers.ListCustomersAsync(limit: 100, city: "Warsaw", name: "Odd");

        Assert.Equal(["c-007"], byEmail.Customers!.Select(c => c.SourceId));
        Assert.Equal(25, byCityAndName.Total);
        Assert.All(byCityAndName.Customers!, c => Assert.Equal(("Warsaw", "Odd"), (c.Address!.City, c.Name)));
    }

    [Fact]
    public async Task Created_at_bounds_are_exclusive()
    {
        var c010 = await _client.Customers.GetCustomerAsync("c-010");
        var c020 = await _client.Customers.GetCustomerAsync("c-020");

        var between = await _client.Customers.ListCustomersAsync(limit: 100, createdAtAfter: c010.CreatedAt, createdAtBefore: c020.CreatedAt, order: CustomerListOrder.CreatedAt);

        Assert.Equal(Enumerable.Range(11, 9).Select(i => $"c-{i:000}"), between.Customers!.Select(c => c.SourceId));
    }

    [Fact]
    public async Task Updated_at_filters_and_order_see_the_latest_change()
    {
        var before = DateTimeOffset.UtcNow;
        await _client.Customers.UpdateCustomerAsync("c-003", new CustomerUpdateOptions { Phone = "1" });
        await _client.Customers.UpdateCustomerAsync("c-001", new CustomerUpdateOptions { Phone = "2" });

        var updated = await _client.Customers.ListCustomersAsync(updatedAtAfter: before, order: CustomerListOrder.UpdatedAtDescending);
        var newestChange = await _client.Customers.ListCustomersAsync(limit: 1, order: CustomerListOrder.UpdatedAtDescending);

        Assert.Equal(["c-001", "c-003"], updated.Customers!.Select(c => c.SourceId));
        Assert.Equal("c-001", newestChange.Customers!.Single().SourceId);
    }

    [Fact]
    public async Task Order_by_source_id_sorts_in_both_directions()
    {
        var ascending = await _client.Customers.ListCustomersAsync(limit: 3, order: CustomerListOrder.SourceId);
        var descending = await _client.Customers.ListCustomersAsync(limit: 3, order: CustomerListOrder.SourceIdDescending);

        Assert.Equal(["c-000", "c-001", "c-002"], ascending.Customers!.Select(c => c.SourceId));
        Assert.Equal(["c-249", "c-248", "c-247"], descending.Customers!.Select(c => c.SourceId));
    }

    [Fact]
    public async Task A_segment_filter_matches_nobody_because_the_sandbox_has_no_segments()
    {
        var result = await _client.Customers.ListCustomersAsync(segmentId: "seg_1");

        Assert.Equal(0, result.Total);
        Assert.Empty(result.Customers!);
        Assert.False(result.HasMore);
    }
}
