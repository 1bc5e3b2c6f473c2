using Voucherify.IntegrationTests.Infrastructure;
using Voucherify.Sandbox;

namespace Voucherify.IntegrationTests;

/// <summary>
/// Walks stopped part-way and resumed from a page's continuation token on a new client, as a job would after a
/// restart: every item exactly once, in order, across the customers walker's page-99 switch to the cursor.
/// </summary>
public sealed class ResumableWalkTests
{
    private const int CustomerCount = 560;
    private const int PageSize = 5; // 99 pages cover 495 customers; the rest come by the cursor

    private static readonly DateTimeOffset Epoch = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Three customers share each millisecond, so tie groups straddle page and switch boundaries.</summary>
    private static SandboxSeed ManyCustomers()
    {
        var seed = new SandboxSeed();
        for (var i = 0; i < CustomerCount; i++)
            seed.Customers.Add(new SeedCustomer(new Customer { SourceId = $"walk-{i:D4}", CreatedAt = Epoch.AddMilliseconds(i / 3) }));
        var holder = new SeedCustomer(new Customer { SourceId = "history-holder" });
        for (var i = 0; i < 27; i++)
        {
            holder.Activity.Add(new CustomerActivity { Type = "customer.order.paid", CreatedAt = Epoch.AddSeconds(i) });
            holder.Redeemables.Add(new CustomerRedeemable { Id = $"rh_{i:D3}" });
        }
        seed.Customers.Add(holder);
        return seed;
    }

    private static Task<VoucherifySandbox> StartAsync() => VoucherifySandbox.StartAsync(new VoucherifySandboxOptions { Seed = ManyCustomers() });

    /// <summary>Reads pages until <paramref name="stopAfterPages"/> have been taken, returning their items and the last page's token.</summary>
    private static async Task<(List<T> Items, List<int?> Totals, string? Token)> WalkAsync<T>(IAsyncEnumerable<ListPage<T>> pages, int stopAfterPages = int.MaxValue)
    {
        var items = new List<T>();
        var totals = new List<int?>();
        string? token = null;
        var taken = 0;
        await foreach (var page in pages)
        {
            items.AddRange(page.Items);
            totals.Add(page.Total);
            token = page.ContinuationToken;
            Assert.False(string.IsNullOrEmpty(token));
            if (++taken == stopAfterPages) break;
        }
        return (items, totals, token);
    }

    [Theory]
    [InlineData(97, CustomerListOrder.CreatedAtDescending)]  // stopped before the switch: the rest is read past it
    [InlineData(99, CustomerListOrder.CreatedAtDescending)]  // stopped exactly at the last numbered page
    [InlineData(103, CustomerListOrder.CreatedAtDescending)] // stopped while walking by the cursor
    [InlineData(98, CustomerListOrder.CreatedAt)]
    [InlineData(104, CustomerListOrder.CreatedAt)]
    public async Task A_customer_walk_resumed_from_a_token_on_a_new_client_lists_everyone_once_in_order(int stopAfterPages, CustomerListOrder order)
    {
        await using var sandbox = await StartAsync();
        var uninterruptedPages = new List<IReadOnlyList<Customer>>();
        using (var reference = sandbox.CheckedClient())
            await foreach (var page in reference.Customers.ListCustomerPagesAsync(new CustomerListOptions { PageSize = PageSize, Order = order }))
                uninterruptedPages.Add(page.Items);
        var uninterrupted = uninterruptedPages.SelectMany(page => page).Select(c => c.SourceId!).ToList();

        (List<Customer> Items, List<int?> Totals, string? Token) before;
        using (var firstRun = sandbox.CheckedClient())
            before = await WalkAsync(firstRun.Customers.ListCustomerPagesAsync(new CustomerListOptions { PageSize = PageSize, Order = order }), stopAfterPages);
        // The restart: a new client, nothing kept but the stored string.
        using var secondRun = sandbox.CheckedClient();
        var after = await WalkAsync(secondRun.Customers.ListCustomerPagesAsync(new CustomerListOptions { PageSize = PageSize, Order = order, ContinuationToken = before.Token }));

        Assert.Equal(CustomerCount + 1, uninterrupted.Count);
        Assert.Equal(uninterruptedPages.Take(stopAfterPages).Sum(page => page.Count), before.Items.Count);
        Assert.Equal(uninterrupted, before.Items.Concat(after.Items).Select(c => c.SourceId!));
        // Total is the whole list on every page, before and after the switch and in the resumed run.
        Assert.All(before.Totals.Concat(after.Totals), total => Assert.Equal(CustomerCount + 1, total));
    }

    [Fact]
    public async Task The_item_walker_resumes_from_a_page_token_as_the_page_walker_does()
    {
        await using var sandbox = await StartAsync();
        using var firstRun = sandbox.CheckedClient();
        var all = await WalkAsync(firstRun.Customers.ListCustomerPagesAsync(new CustomerListOptions { PageSize = PageSize }));
        var before = await WalkAsync(firstRun.Customers.ListCustomerPagesAsync(new CustomerListOptions { PageSize = PageSize }), stopAfterPages: 100);

        using var secondRun = sandbox.CheckedClient();
        var rest = new List<string>();
        await foreach (var customer in secondRun.Customers.ListAllCustomersAsync(new CustomerListOptions { PageSize = 100, ContinuationToken = before.Token }))
            rest.Add(customer.SourceId!);

        Assert.Equal(all.Items.Select(c => c.SourceId), before.Items.Select(c => c.SourceId).Concat(rest));
    }

    [Fact]
    public async Task An_oldest_first_walk_resumed_from_its_last_page_lists_only_the_customers_created_since()
    {
        await using var sandbox = await StartAsync();
        using var client = sandbox.CheckedClient();
        var done = await WalkAsync(client.Customers.ListCustomerPagesAsync(new CustomerListOptions { Order = CustomerListOrder.CreatedAt }));
        await client.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "late-1" });
        await client.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "late-2" });

        using var nextDay = sandbox.CheckedClient();
        var since = await WalkAsync(nextDay.Customers.ListCustomerPagesAsync(new CustomerListOptions { Order = CustomerListOrder.CreatedAt, ContinuationToken = done.Token }));

        Assert.Equal(CustomerCount + 1, done.Items.Count);
        Assert.Equal(["late-1", "late-2"], since.Items.Select(c => c.SourceId));
    }

    [Fact]
    public async Task Activity_and_redeemable_walks_resume_after_the_page_that_issued_the_token()
    {
        await using var sandbox = await StartAsync();
        using var firstRun = sandbox.CheckedClient();
        var allEvents = await WalkAsync(firstRun.Customers.ListCustomerActivityPagesAsync("history-holder", new CustomerActivityListOptions { PageSize = 10 }));
        var allRedeemables = await WalkAsync(firstRun.Customers.ListCustomerRedeemablePagesAsync("history-holder", new CustomerRedeemableListOptions { PageSize = 10, Order = CustomerRedeemableListOrder.Id }));
        var eventsBefore = await WalkAsync(firstRun.Customers.ListCustomerActivityPagesAsync("history-holder", new CustomerActivityListOptions { PageSize = 10 }), stopAfterPages: 1);
        var redeemablesBefore = await WalkAsync(firstRun.Customers.ListCustomerRedeemablePagesAsync("history-holder", new CustomerRedeemableListOptions { PageSize = 10, Order = CustomerRedeemableListOrder.Id }), stopAfterPages: 2);

        using var secondRun = sandbox.CheckedClient();
        var eventsAfter = await WalkAsync(secondRun.Customers.ListCustomerActivityPagesAsync("history-holder",
            new CustomerActivityListOptions { PageSize = 10, ContinuationToken = eventsBefore.Token }));
        var redeemablesAfter = await WalkAsync(secondRun.Customers.ListCustomerRedeemablePagesAsync("history-holder",
            new CustomerRedeemableListOptions { PageSize = 10, Order = CustomerRedeemableListOrder.Id, ContinuationToken = redeemablesBefore.Token }));

        Assert.Equal(27, allEvents.Items.Count);
        Assert.Equal(allEvents.Items.Select(e => e.Id), eventsBefore.Items.Concat(eventsAfter.Items).Select(e => e.Id));
        Assert.Equal(Enumerable.Range(0, 27).Select(i => $"rh_{i:D3}"), allRedeemables.Items.Select(r => r.Id));
        Assert.Equal(allRedeemables.Items.Select(r => r.Id), redeemablesBefore.Items.Concat(redeemablesAfter.Items).Select(r => r.Id));
        Assert.All(redeemablesBefore.Totals.Concat(redeemablesAfter.Totals), total => Assert.Equal(27, total));
        Assert.All(eventsBefore.Totals.Concat(eventsAfter.Totals), total => Assert.Null(total));
    }

    [Fact]
    public async Task A_token_resumes_only_the_list_it_came_from()
    {
        await using var sandbox = await StartAsync();
        using var client = sandbox.CheckedClient();
        var customers = await WalkAsync(client.Customers.ListCustomerPagesAsync(new CustomerListOptions { PageSize = PageSize }), stopAfterPages: 1);
        var events = await WalkAsync(client.Customers.ListCustomerActivityPagesAsync("history-holder", new CustomerActivityListOptions { PageSize = 10 }), stopAfterPages: 1);

        var otherOrder = await Assert.ThrowsAsync<ArgumentException>(async () =>
            await WalkAsync(client.Customers.ListCustomerPagesAsync(new CustomerListOptions { Order = CustomerListOrder.CreatedAt, ContinuationToken = customers.Token })));
        var otherFilter = await Assert.ThrowsAsync<ArgumentException>(async () =>
            await WalkAsync(client.Customers.ListCustomerPagesAsync(new CustomerListOptions { City = "Warsaw", ContinuationToken = customers.Token })));
        var otherList = Assert.Throws<ArgumentException>(() =>
            client.Customers.ListCustomerActivityPagesAsync("walk-0001", new CustomerActivityListOptions { ContinuationToken = events.Token }));
        var notAToken = Assert.Throws<ArgumentException>(() =>
            client.Customers.ListCustomerRedeemablePagesAsync("history-holder", new CustomerRedeemableListOptions { ContinuationToken = "not a token" }));

        Assert.All(new[] { otherOrder, otherFilter, otherList }, e => Assert.Contains("different list", e.Message));
        Assert.Contains("not one a Voucherify.NET walker issued", notAToken.Message);
    }
}
