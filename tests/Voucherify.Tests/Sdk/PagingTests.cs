using System.Globalization;
using RichardSzalay.MockHttp;
using Voucherify.Sandbox;

namespace Voucherify.Tests.Sdk;

public class PagingTests
{
    private static async Task<List<string>> ListIdsAsync(VoucherifyClient client, CustomerListOptions options)
    {
        var ids = new List<string>();
        await foreach (var customer in client.Customers.ListAllCustomersAsync(options)) ids.Add(customer.Id!);
        return ids;
    }

    private static IEnumerable<string> NewestFirst(IEnumerable<(string Id, DateTimeOffset CreatedAt)> customers) =>
        customers.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id, StringComparer.Ordinal).Select(c => c.Id);

    [Fact]
    public async Task Lists_every_customer_past_page_99_by_switching_to_the_created_at_cursor_without_duplicates()
    {
        // 1 025 customers, 10 per page: 990 by page number, 35 more by cursor. Four customers share each
        // millisecond, and the tie group 988–991 straddles the switch.
        var customers = FakeCustomerListServer.Generate(1025, tieGroupSize: 4);
        var server = new FakeCustomerListServer(customers);
        using var client = SdkTestClient.Create(server);

        var listed = await ListIdsAsync(client, new CustomerListOptions { PageSize = 10 });

        Assert.Equal(NewestFirst(customers), listed);
        Assert.Equal(Enumerable.Range(1, 99).Select(p => p.ToString(CultureInfo.InvariantCulture)), server.Queries.Take(99).Select(q => q["page"]));
        Assert.All(server.Queries.Take(99), q => Assert.Equal("-created_at", q["order"]));
        var firstCursorQuery = server.Queries[99];
        Assert.False(firstCursorQuery.ContainsKey("page"));
        Assert.False(firstCursorQuery.ContainsKey("order")); // without order the cursor walks backwards
        // The 990th customer (index 34 from the oldest) was created at +8 ms; the cursor is one millisecond newer.
        Assert.Equal(customers[34].CreatedAt.AddMilliseconds(1), DateTimeOffset.Parse(firstCursorQuery["starting_after"], CultureInfo.InvariantCulture));
        // Each cursor page re-reads the two customers of the last tie group already returned: 8 new per page, then a short page.
        Assert.Equal(99 + 5, server.Queries.Count);
    }

    [Fact]
    public async Task Oldest_first_walks_the_cursor_forwards_with_order_created_at()
    {
        var customers = FakeCustomerListServer.Generate(1003, tieGroupSize: 3);
        var server = new FakeCustomerListServer(customers);
        using var client = SdkTestClient.Create(server);

        var listed = await ListIdsAsync(client, new CustomerListOptions { PageSize = 10, Order = CustomerListOrder.CreatedAt });

        Assert.Equal(customers.Select(c => c.Id), listed);
        Assert.All(server.Queries, q => Assert.Equal("created_at", q["order"]));
        Assert.Equal(customers[989].CreatedAt.AddMilliseconds(-1), DateTimeOffset.Parse(server.Queries[99]["starting_after"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Finer_than_millisecond_timestamps_move_the_cursor_by_their_own_unit_so_nothing_repeats()
    {
        // Microsecond timestamps, two per instant: a one-millisecond step back would re-read ~500 customers
        // listed before the boundary instant; a one-microsecond step re-reads only the boundary's tie group.
        var customers = FakeCustomerListServer.Generate(1025, tieGroupSize: 2, step: TimeSpan.FromTicks(10));
        var server = new FakeCustomerListServer(customers);
        using var client = SdkTestClient.Create(server);

        var listed = await ListIdsAsync(client, new CustomerListOptions { PageSize = 10 });

        Assert.Equal(NewestFirst(customers), listed);
        Assert.Equal(customers[34].CreatedAt.AddTicks(10), DateTimeOffset.Parse(server.Queries[99]["starting_after"], CultureInfo.InvariantCulture));
    }

    /// <summary>A sandbox holding <paramref name="count"/> customers, all with the e-mail <c>a@example.com</c>.</summary>
    private static async Task<VoucherifySandbox> SeededSandboxAsync(int count)
    {
        var seed = new SandboxSeed();
        for (var i = 0; i < count; i++) seed.Customers.Add(new SeedCustomer(new Customer { SourceId = $"crm-{i:D3}", Email = "a@example.com" }));
        return await VoucherifySandbox.StartAsync(new VoucherifySandboxOptions { Seed = seed });
    }

    [Fact]
    public async Task Requests_the_next_page_only_when_the_caller_has_consumed_the_current_one()
    {
        await using var sandbox = await SeededSandboxAsync(250);
        using var client = sandbox.CreateClient();

        await using var enumerator = client.Customers.ListAllCustomersAsync(new CustomerListOptions { PageSize = 100 }).GetAsyncEnumerator();
        for (var i = 0; i < 100; i++) Assert.True(await enumerator.MoveNextAsync());
        Assert.Single(sandbox.Requests);
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(2, sandbox.Requests.Count);
    }

    [Fact]
    public async Task Page_view_yields_one_page_per_request_with_the_reported_total()
    {
        await using var sandbox = await SeededSandboxAsync(25);
        using var client = sandbox.CreateClient();

        var pages = new List<ListPage<Customer>>();
        await foreach (var page in client.Customers.ListCustomerPagesAsync(new CustomerListOptions { PageSize = 10, Email = "a@example.com" }))
            pages.Add(page);

        Assert.Equal(new[] { 10, 10, 5 }, pages.Select(p => p.Items.Count));
        Assert.All(pages, p => Assert.Equal(25, p.Total));
        Assert.Equal(3, sandbox.Requests.Count);
        Assert.All(sandbox.Requests, r => Assert.Contains("email=a%40example.com", r.Query));
    }

    [Fact]
    public async Task Cancelling_stops_the_walk_before_the_next_request()
    {
        await using var sandbox = await SeededSandboxAsync(30);
        using var client = sandbox.CreateClient();
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var page in client.Customers.ListCustomerPagesAsync(new CustomerListOptions { PageSize = 10 }).WithCancellation(cancellation.Token))
                cancellation.Cancel();
        });
        Assert.Single(sandbox.Requests);
    }

    [Fact]
    public async Task A_tie_group_larger_than_a_page_at_the_switch_is_reported_instead_of_skipped()
    {
        // Page size 1: 99 customers by page number; the 99th shares its instant with the 100th and 101st.
        var customers = FakeCustomerListServer.Generate(101, tieGroupSize: 1).ToList();
        customers[0] = (customers[0].Id, customers[2].CreatedAt);
        customers[1] = (customers[1].Id, customers[2].CreatedAt);
        using var client = SdkTestClient.Create(new FakeCustomerListServer(customers));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in client.Customers.ListAllCustomersAsync(new CustomerListOptions { PageSize = 1 })) { }
        });
        Assert.Contains("More than 1 customers were created at", error.Message);
    }

    /// <summary>Answers every cursor request with the newest customers again, as a server that ignored the cursor would.</summary>
    private sealed class CursorIgnoringServer(IReadOnlyList<(string Id, DateTimeOffset CreatedAt)> customers) : HttpMessageHandler
    {
        private readonly FakeCustomerListServer _inner = new(customers);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!.ToString();
            var cursorAt = uri.IndexOf("&starting_after=", StringComparison.Ordinal);
            var forwarded = new HttpRequestMessage(request.Method, cursorAt < 0 ? uri : uri[..cursorAt] + "&page=1");
            return new HttpMessageInvoker(_inner).SendAsync(forwarded, cancellationToken);
        }
    }

    [Fact]
    public async Task A_server_answering_from_the_wrong_side_of_the_cursor_is_an_error_not_an_endless_walk()
    {
        using var client = SdkTestClient.Create(new CursorIgnoringServer(FakeCustomerListServer.Generate(1000, tieGroupSize: 1)));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in client.Customers.ListAllCustomersAsync(new CustomerListOptions { PageSize = 10 })) { }
        });
        Assert.Contains("wrong side of the starting_after cursor", error.Message);
    }

    [Fact]
    public async Task Rejects_orders_the_cursor_cannot_continue()
    {
        using var client = SdkTestClient.Create(new FakeCustomerListServer(FakeCustomerListServer.Generate(1, 1)));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
        {
            await foreach (var _ in client.Customers.ListAllCustomersAsync(new CustomerListOptions { Order = CustomerListOrder.SourceId })) { }
        });
    }

    [Fact]
    public async Task Activity_follows_more_starting_after_and_falls_back_to_the_last_id()
    {
        var mock = new MockHttpMessageHandler();
        var url = $"{TestClient.BaseUrl}/v1/customers/cust_1/activity";
        mock.Expect(url).WithExactQueryString("limit=2&order=created_at")
            .Respond("application/json", """{"object":"list","data_ref":"data","data":[{"id":"evcus_1"},{"id":"evcus_2"}],"has_more":true,"more_starting_after":"evcus_2"}""");
        // has_more without a cursor: the last id continues the walk.
        mock.Expect(url).WithExactQueryString("limit=2&order=created_at&starting_after_id=evcus_2")
            .Respond("application/json", """{"object":"list","data_ref":"data","data":[{"id":"evcus_3"},{"id":"evcus_4"}],"has_more":true}""");
        mock.Expect(url).WithExactQueryString("limit=2&order=created_at&starting_after_id=evcus_4")
            .Respond("application/json", """{"object":"list","data_ref":"data","data":[{"id":"evcus_5"}],"has_more":false}""");
        using var client = SdkTestClient.Create(mock);

        var ids = new List<string>();
        await foreach (var activity in client.Customers.ListAllCustomerActivityAsync("cust_1", new CustomerActivityListOptions { PageSize = 2, Order = CustomerActivityListOrder.CreatedAt }))
            ids.Add(activity.Id!);

        mock.VerifyNoOutstandingExpectation();
        Assert.Equal(new[] { "evcus_1", "evcus_2", "evcus_3", "evcus_4", "evcus_5" }, ids);
    }

    [Fact]
    public async Task Activity_sends_the_servers_more_starting_after_not_the_last_items_id()
    {
        // The cursor is opaque: when the API names one, that one continues the walk even if it is not the last id.
        var mock = new MockHttpMessageHandler();
        var url = $"{TestClient.BaseUrl}/v1/customers/cust_1/activity";
        mock.Expect(url).WithExactQueryString("limit=2")
            .Respond("application/json", """{"object":"list","data_ref":"data","data":[{"id":"evcus_1"},{"id":"evcus_2"}],"has_more":true,"more_starting_after":"cursor_after_page_1"}""");
        mock.Expect(url).WithExactQueryString("limit=2&starting_after_id=cursor_after_page_1")
            .Respond("application/json", """{"object":"list","data_ref":"data","data":[{"id":"evcus_3"}],"has_more":false}""");
        using var client = SdkTestClient.Create(mock);

        var ids = new List<string>();
        await foreach (var activity in client.Customers.ListAllCustomerActivityAsync("cust_1", new CustomerActivityListOptions { PageSize = 2 }))
            ids.Add(activity.Id!);

        mock.VerifyNoOutstandingExpectation();
        Assert.Equal(new[] { "evcus_1", "evcus_2", "evcus_3" }, ids);
    }

    [Fact]
    public async Task Redeemable_pages_carry_the_total_and_stop_when_has_more_is_false()
    {
        var mock = new MockHttpMessageHandler();
        var url = $"{TestClient.BaseUrl}/v1/customers/cust_1/redeemables";
        mock.Expect(url).WithExactQueryString("limit=100")
            .Respond("application/json", """{"object":"list","data_ref":"data","data":[{"id":"rh_1"}],"total":2,"has_more":true,"more_starting_after":"rh_1"}""");
        mock.Expect(url).WithExactQueryString("limit=100&starting_after_id=rh_1")
            .Respond("application/json", """{"object":"list","data_ref":"data","data":[{"id":"rh_2"}],"total":2,"has_more":false}""");
        using var client = SdkTestClient.Create(mock);

        var pages = new List<ListPage<CustomerRedeemable>>();
        await foreach (var page in client.Customers.ListCustomerRedeemablePagesAsync("cust_1"))
            pages.Add(page);

        mock.VerifyNoOutstandingExpectation();
        Assert.Equal(new[] { "rh_1", "rh_2" }, pages.SelectMany(p => p.Items).Select(r => r.Id));
        Assert.All(pages, p => Assert.Equal(2, p.Total));
    }

    [Fact]
    public async Task Redeemable_walk_sends_the_filter_and_page_size_on_every_page_and_starts_after_the_given_cursor()
    {
        var mock = new MockHttpMessageHandler();
        var url = $"{TestClient.BaseUrl}/v1/customers/cust_1/redeemables";
        const string filter = "filters[holder_role][conditions][$in][0]=OWNER&filters[junction]=and";
        mock.Expect(url).WithExactQueryString($"limit=25&starting_after_id=rh_0&{filter}")
            .Respond("application/json", """{"data":[{"id":"rh_1"}],"has_more":true,"more_starting_after":"rh_1"}""");
        mock.Expect(url).WithExactQueryString($"limit=25&starting_after_id=rh_1&{filter}")
            .Respond("application/json", """{"data":[{"id":"rh_2"}],"has_more":false}""");
        using var client = SdkTestClient.Create(mock);

        var ids = new List<string>();
        await foreach (var redeemable in client.Customers.ListAllCustomerRedeemablesAsync("cust_1", new CustomerRedeemableListOptions
        {
            PageSize = 25,
            StartingAfterId = "rh_0",
            Filter = new CustomerRedeemableFilter { HolderRole = new StringFilterConditions { In = { "OWNER" } }, Junction = FilterJunction.And },
        }))
            ids.Add(redeemable.Id!);

        mock.VerifyNoOutstandingExpectation();
        Assert.Equal(new[] { "rh_1", "rh_2" }, ids);
    }

    [Fact]
    public async Task A_cursor_that_does_not_move_is_an_error_not_an_endless_loop()
    {
        var mock = new MockHttpMessageHandler();
        mock.When($"{TestClient.BaseUrl}/v1/customers/cust_1/redeemables")
            .Respond("application/json", """{"object":"list","data_ref":"data","data":[{"id":"rh_1"}],"has_more":true,"more_starting_after":"rh_1"}""");
        using var client = SdkTestClient.Create(mock);

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in client.Customers.ListAllCustomerRedeemablesAsync("cust_1")) { }
        });
    }
}
