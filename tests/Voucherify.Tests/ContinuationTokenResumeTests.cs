using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Voucherify.Tests;

/// <summary>
/// Resuming the paging walkers from a page's <see cref="ListPage{T}.ContinuationToken"/>: the exact first request the
/// resumed walk sends, and the tokens it refuses (before any request) because they belong to another list, another
/// version, or were damaged.
/// </summary>
public class ContinuationTokenResumeTests
{
    private const string CustomersPath = "/v1/customers";
    private const string ActivityPath = "/v1/customers/cust_1/activity";
    private const string RedeemablesPath = "/v1/customers/cust_1/redeemables";

    private static string Customer(string id, string createdAt) => $$"""{"id":"{{id}}","object":"customer","created_at":"{{createdAt}}"}""";

    private static string CustomersList(int? total, bool hasMore, params string[] customers) =>
        $$"""{"object":"list","data_ref":"customers","customers":[{{string.Join(",", customers)}}]{{(total is int t ? $",\"total\":{t}" : "")}},"has_more":{{(hasMore ? "true" : "false")}}}""";

    private static string IdList(string? moreStartingAfter, int? total, bool hasMore, params string[] ids) =>
        $$"""{"object":"list","data_ref":"data","data":[{{string.Join(",", ids.Select(id => $"{{\"id\":\"{id}\"}}"))}}]{{(total is int t ? $",\"total\":{t}" : "")}},"has_more":{{(hasMore ? "true" : "false")}}{{(moreStartingAfter is null ? "" : $",\"more_starting_after\":\"{moreStartingAfter}\"")}}}""";

    private static async Task<List<ListPage<T>>> TakeAsync<T>(IAsyncEnumerable<ListPage<T>> pages, int count = int.MaxValue)
    {
        var taken = new List<ListPage<T>>();
        if (count == 0) return taken;
        await foreach (var page in pages)
        {
            taken.Add(page);
            if (taken.Count == count) break;
        }
        return taken;
    }

    private static JObject Decode(string token)
    {
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        return JObject.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
    }

    private static string Encode(JToken json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json.ToString(Formatting.None))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The token of the first page of a newest-first walk of 2 per page: cust_a (.005) and cust_b (.004), total 5.</summary>
    private static async Task<string> FirstCustomerPageTokenAsync(CustomerListOptions? options = null)
    {
        using var t = new TestClient();
        var order = options?.Order == CustomerListOrder.CreatedAt ? "created_at" : "-created_at";
        var query = new List<(string, string)> { ("limit", "2"), ("page", "1") };
        if (options?.City is string city) query.Add(("city", city));
        query.Add(("order", order));
        t.Expect(HttpMethod.Get, CustomersPath, Query.Of(query.ToArray())).RespondWithJson(HttpStatusCode.OK, CustomersList(5, true,
            Customer("cust_a", "2025-03-01T12:00:00.005Z"), Customer("cust_b", "2025-03-01T12:00:00.004Z")));
        options ??= new CustomerListOptions();
        options.PageSize = 2;
        var page = Assert.Single(await TakeAsync(t.Customers.ListCustomerPagesAsync(options), 1));
        t.Handler.VerifyNoOutstandingExpectation();
        Assert.NotNull(page.ContinuationToken);
        return page.ContinuationToken!;
    }

    private static async Task<ArgumentException> CustomerWalkRefusesAsync(CustomerListOptions options)
    {
        using var t = new TestClient();
        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await TakeAsync(t.Customers.ListCustomerPagesAsync(options)));
        Assert.Equal("options", error.ParamName);
        Assert.Empty(t.Requests);
        return error;
    }

    // ---- customers ----

    [Fact]
    public async Task A_resumed_newest_first_customer_walk_goes_straight_to_the_cursor_one_millisecond_after_the_last_customer()
    {
        var token = await FirstCustomerPageTokenAsync();
        using var t = new TestClient();
        // No page number and no order: the cursor walks backwards from just after cust_b (.004), so cust_b is read again.
        t.Expect(HttpMethod.Get, CustomersPath, Query.Of(("limit", "3"), ("starting_after", "2025-03-01T12:00:00.0050000+00:00")))
            .RespondWithJson(HttpStatusCode.OK, CustomersList(2, false,
                Customer("cust_b", "2025-03-01T12:00:00.004Z"), Customer("cust_c", "2025-03-01T12:00:00.003Z")));

        var pages = await TakeAsync(t.Customers.ListCustomerPagesAsync(new CustomerListOptions { PageSize = 3, ContinuationToken = token }));

        t.Handler.VerifyNoOutstandingExpectation();
        var page = Assert.Single(pages);
        // cust_b was on the page the token was issued after: it is skipped, not listed twice.
        Assert.Equal(["cust_c"], page.Items.Select(c => c.Id));
        // The total is the one the original walk reported, not the cursor answer's count of what follows it.
        Assert.Equal(5, page.Total);
        Assert.NotNull(page.ContinuationToken);
    }

    [Fact]
    public async Task A_resumed_oldest_first_customer_walk_sends_the_cursor_one_unit_before_the_last_customer_with_order_created_at()
    {
        using var first = new TestClient();
        first.Expect(HttpMethod.Get, CustomersPath, Query.Of(("limit", "2"), ("page", "1"), ("order", "created_at")))
            .RespondWithJson(HttpStatusCode.OK, CustomersList(4, true,
                Customer("cust_a", "2025-03-01T12:00:00.0041220Z"), Customer("cust_b", "2025-03-01T12:00:00.0041230Z")));
        var token = Assert.Single(await TakeAsync(first.Customers.ListCustomerPagesAsync(new CustomerListOptions { PageSize = 2, Order = CustomerListOrder.CreatedAt }), 1)).ContinuationToken;

        using var t = new TestClient();
        // The timestamps were in microseconds, so the token keeps that precision: the cursor is one microsecond back.
        t.Expect(HttpMethod.Get, CustomersPath, Query.Of(("limit", "2"), ("order", "created_at"), ("starting_after", "2025-03-01T12:00:00.0041220+00:00")))
            .RespondWithJson(HttpStatusCode.OK, CustomersList(null, false, Customer("cust_b", "2025-03-01T12:00:00.0041230Z"), Customer("cust_c", "2025-03-01T12:00:01Z")));

        var pages = await TakeAsync(t.Customers.ListCustomerPagesAsync(new CustomerListOptions { PageSize = 2, Order = CustomerListOrder.CreatedAt, ContinuationToken = token }));

        t.Handler.VerifyNoOutstandingExpectation();
        Assert.Equal(["cust_c"], Assert.Single(pages).Items.Select(c => c.Id));
        Assert.Equal(4, pages[0].Total);
    }

    [Fact]
    public async Task A_customer_walk_that_reported_no_total_resumes_with_no_total_even_if_the_cursor_answer_has_one()
    {
        using var first = new TestClient();
        first.Expect(HttpMethod.Get, CustomersPath, Query.Of(("limit", "1"), ("page", "1"), ("order", "-created_at")))
            .RespondWithJson(HttpStatusCode.OK, CustomersList(null, true, Customer("cust_a", "2025-03-01T12:00:00.005Z")));
        var firstPage = Assert.Single(await TakeAsync(first.Customers.ListCustomerPagesAsync(new CustomerListOptions { PageSize = 1 }), 1));
        Assert.Null(firstPage.Total);
        Assert.DoesNotContain("total", Decode(firstPage.ContinuationToken!).Properties().Select(p => p.Name));

        using var t = new TestClient();
        t.Expect(HttpMethod.Get, CustomersPath, Query.Of(("limit", "1"), ("starting_after", "2025-03-01T12:00:00.0060000+00:00")))
            .RespondWithJson(HttpStatusCode.OK, CustomersList(9, false, Customer("cust_b", "2025-03-01T12:00:00.001Z")));

        var pages = await TakeAsync(t.Customers.ListCustomerPagesAsync(new CustomerListOptions { PageSize = 1, ContinuationToken = firstPage.ContinuationToken }));

        t.Handler.VerifyNoOutstandingExpectation();
        Assert.Equal(["cust_b"], Assert.Single(pages).Items.Select(c => c.Id));
        Assert.Null(pages[0].Total);
    }

    [Fact]
    public async Task The_item_walker_resumes_from_a_page_token_too()
    {
        var token = await FirstCustomerPageTokenAsync();
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, CustomersPath, Query.Of(("limit", "100"), ("starting_after", "2025-03-01T12:00:00.0050000+00:00")))
            .RespondWithJson(HttpStatusCode.OK, CustomersList(1, false, Customer("cust_c", "2025-03-01T12:00:00.002Z")));

        var ids = new List<string>();
        await foreach (var customer in t.Customers.ListAllCustomersAsync(new CustomerListOptions { ContinuationToken = token })) ids.Add(customer.Id!);

        t.Handler.VerifyNoOutstandingExpectation();
        Assert.Equal(["cust_c"], ids);
    }

    [Fact]
    public async Task A_customer_token_without_seen_ids_relists_the_customers_at_its_instant()
    {
        var token = Decode(await FirstCustomerPageTokenAsync());
        ((JObject)token["at"]!).Remove("seen");
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, CustomersPath, Query.Of(("limit", "2"), ("starting_after", "2025-03-01T12:00:00.0050000+00:00")))
            .RespondWithJson(HttpStatusCode.OK, CustomersList(2, false, Customer("cust_b", "2025-03-01T12:00:00.004Z"), Customer("cust_c", "2025-03-01T12:00:00.003Z")));

        var pages = await TakeAsync(t.Customers.ListCustomerPagesAsync(new CustomerListOptions { PageSize = 2, ContinuationToken = Encode(token) }));

        t.Handler.VerifyNoOutstandingExpectation();
        Assert.Equal(["cust_b", "cust_c"], Assert.Single(pages).Items.Select(c => c.Id));
    }

    [Fact]
    public async Task A_customer_page_token_names_the_last_instant_its_precision_the_customers_seen_there_and_the_total()
    {
        var token = Decode(await FirstCustomerPageTokenAsync());

        Assert.Equal(1, (int)token["v"]!);
        Assert.Equal(5, (int)token["total"]!);
        Assert.Equal(24, ((string)token["list"]!).Length);
        var at = (JObject)token["at"]!;
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 12, 0, 0, 4, TimeSpan.Zero).UtcTicks, (long)at["instant"]!);
        Assert.Equal(TimeSpan.TicksPerMillisecond, (long)at["precision"]!);
        Assert.Equal(["cust_b"], at["seen"]!.Select(id => (string)id!));
    }

    [Fact]
    public async Task A_customer_token_is_refused_by_a_walk_in_the_other_order()
    {
        var token = await FirstCustomerPageTokenAsync();

        var error = await CustomerWalkRefusesAsync(new CustomerListOptions { Order = CustomerListOrder.CreatedAt, ContinuationToken = token });

        Assert.StartsWith("The continuation token was issued for a different list", error.Message);
    }

    [Fact]
    public async Task A_customer_token_is_refused_by_a_walk_with_other_filters_and_accepted_with_the_same_ones()
    {
        var token = await FirstCustomerPageTokenAsync(new CustomerListOptions { City = "Warsaw" });

        var otherCity = await CustomerWalkRefusesAsync(new CustomerListOptions { City = "Berlin", ContinuationToken = token });
        var noCity = await CustomerWalkRefusesAsync(new CustomerListOptions { ContinuationToken = token });

        Assert.StartsWith("The continuation token was issued for a different list", otherCity.Message);
        Assert.StartsWith("The continuation token was issued for a different list", noCity.Message);
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, CustomersPath, Query.Of(("limit", "100"), ("city", "Warsaw"), ("starting_after", "2025-03-01T12:00:00.0050000+00:00")))
            .RespondWithJson(HttpStatusCode.OK, CustomersList(0, false));
        Assert.Empty(await TakeAsync(t.Customers.ListCustomerPagesAsync(new CustomerListOptions { City = "Warsaw", ContinuationToken = token })));
        t.Handler.VerifyNoOutstandingExpectation();
    }

    [Theory]
    [InlineData(60, 0)]  // the same instant written with another offset is a different filter value on the wire
    [InlineData(0, 1)]   // one millisecond later: the list is told apart below a second
    public async Task A_customer_token_filtered_by_a_creation_instant_is_refused_when_the_instant_differs(int otherOffsetMinutes, int millisecondsLater)
    {
        var since = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var first = new TestClient();
        first.Expect(HttpMethod.Get, CustomersPath, Query.Of(("limit", "1"), ("page", "1"), ("created_at[after]", "2025-01-01T00:00:00.0000000+00:00"), ("order", "-created_at")))
            .RespondWithJson(HttpStatusCode.OK, CustomersList(3, true, Customer("cust_a", "2025-03-01T12:00:00.005Z")));
        var token = Assert.Single(await TakeAsync(first.Customers.ListCustomerPagesAsync(new CustomerListOptions { PageSize = 1, CreatedAtAfter = since }), 1)).ContinuationToken;

        var other = since.ToOffset(TimeSpan.FromMinutes(otherOffsetMinutes)).AddMilliseconds(millisecondsLater);
        var error = await CustomerWalkRefusesAsync(new CustomerListOptions { CreatedAtAfter = other, ContinuationToken = token });

        Assert.StartsWith("The continuation token was issued for a different list", error.Message);
    }

    [Fact]
    public async Task An_activity_token_is_refused_by_the_customer_walk()
    {
        using var first = new TestClient();
        first.Expect(HttpMethod.Get, ActivityPath, Query.Of(("limit", "100"))).RespondWithJson(HttpStatusCode.OK, IdList(null, null, true, "evcus_1"));
        var token = Assert.Single(await TakeAsync(first.Customers.ListCustomerActivityPagesAsync("cust_1"), 1)).ContinuationToken;

        var error = await CustomerWalkRefusesAsync(new CustomerListOptions { ContinuationToken = token });

        Assert.StartsWith("The continuation token was issued for a different list", error.Message);
    }

    [Theory]
    [InlineData("not a token")]
    [InlineData("%%%%")]
    [InlineData("eyJ2IjoxLCJsaXN0Ijoi")] // {"v":1,"list":"  cut short
    [InlineData("WzFd")] // [1]: JSON, but not an object
    public async Task A_malformed_token_is_refused_as_not_issued_by_a_walker(string token)
    {
        var error = await CustomerWalkRefusesAsync(new CustomerListOptions { ContinuationToken = token });

        Assert.StartsWith("The continuation token is not one a Voucherify.NET walker issued.", error.Message);
        Assert.True(error.InnerException is FormatException or JsonException, $"unexpected inner exception {error.InnerException}");
    }

    [Theory]
    [InlineData("v", "\"x\"")]
    [InlineData("v", "{}")]
    [InlineData("list", "{}")]
    [InlineData("total", "\"abc\"")]
    [InlineData("total", "99999999999")]
    public async Task A_token_member_of_the_wrong_type_is_refused_as_not_issued_by_a_walker(string member, string json)
    {
        var token = Decode(await FirstCustomerPageTokenAsync());
        token[member] = JToken.Parse(json);

        var error = await CustomerWalkRefusesAsync(new CustomerListOptions { ContinuationToken = Encode(token) });

        Assert.StartsWith("The continuation token is not one a Voucherify.NET walker issued.", error.Message);
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("[null]")]
    [InlineData("[{\"id\":\"cust_a\"}]")]
    public async Task A_customer_token_whose_seen_ids_are_not_strings_is_refused_as_incomplete(string seen)
    {
        var token = Decode(await FirstCustomerPageTokenAsync());
        ((JObject)token["at"]!)["seen"] = JToken.Parse(seen);

        var error = await CustomerWalkRefusesAsync(new CustomerListOptions { ContinuationToken = Encode(token) });

        Assert.StartsWith("The continuation token is incomplete.", error.Message);
    }

    [Fact]
    public async Task A_token_cut_short_is_refused_with_the_parse_error_inside()
    {
        var token = await FirstCustomerPageTokenAsync();

        var error = await CustomerWalkRefusesAsync(new CustomerListOptions { ContinuationToken = token[..(token.Length / 2)] });

        Assert.StartsWith("The continuation token is not one a Voucherify.NET walker issued.", error.Message);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Fact]
    public async Task A_token_whose_list_hash_was_altered_is_refused_as_another_lists()
    {
        var token = Decode(await FirstCustomerPageTokenAsync());
        var list = (string)token["list"]!;
        token["list"] = (list[0] == '0' ? "1" : "0") + list[1..];

        var error = await CustomerWalkRefusesAsync(new CustomerListOptions { ContinuationToken = Encode(token) });

        Assert.StartsWith("The continuation token was issued for a different list", error.Message);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    public async Task A_token_of_another_version_is_refused(int version)
    {
        var token = Decode(await FirstCustomerPageTokenAsync());
        token["v"] = version;

        var error = await CustomerWalkRefusesAsync(new CustomerListOptions { ContinuationToken = Encode(token) });

        Assert.Equal("The continuation token is not one this version of Voucherify.NET can resume from. (Parameter 'options')", error.Message);
    }

    [Fact]
    public async Task A_token_without_a_version_is_refused()
    {
        var token = Decode(await FirstCustomerPageTokenAsync());
        token.Remove("v");

        var error = await CustomerWalkRefusesAsync(new CustomerListOptions { ContinuationToken = Encode(token) });

        Assert.StartsWith("The continuation token is not one this version of Voucherify.NET can resume from.", error.Message);
    }

    [Fact]
    public async Task A_token_whose_position_is_not_an_object_is_refused_as_another_versions()
    {
        var token = Decode(await FirstCustomerPageTokenAsync());
        token["at"] = "2025-03-01T12:00:00.004Z";

        var error = await CustomerWalkRefusesAsync(new CustomerListOptions { ContinuationToken = Encode(token) });

        Assert.StartsWith("The continuation token is not one this version of Voucherify.NET can resume from.", error.Message);
    }

    [Theory]
    [InlineData("instant", null)]
    [InlineData("precision", null)]
    [InlineData("instant", "638764992000040000")] // a string, not a number
    [InlineData("precision", "10000")]
    public async Task A_customer_token_missing_its_instant_or_precision_is_refused_as_incomplete(string member, string? stringValue)
    {
        var token = Decode(await FirstCustomerPageTokenAsync());
        var at = (JObject)token["at"]!;
        if (stringValue is null) at.Remove(member);
        else at[member] = stringValue;

        var error = await CustomerWalkRefusesAsync(new CustomerListOptions { ContinuationToken = Encode(token) });

        Assert.StartsWith("The continuation token is incomplete.", error.Message);
    }

    [Theory]
    [InlineData("precision", 0L)]
    [InlineData("precision", 10001L)]
    [InlineData("instant", -1L)]
    [InlineData("instant", 0L)]                   // DateTimeOffset.MinValue: no room for the cursor's step back
    [InlineData("instant", 9999L)]                // less than a millisecond after it
    [InlineData("instant", 3155378975999999999L)] // DateTimeOffset.MaxValue: no room for the step forward
    [InlineData("instant", 3155378975999990000L)] // less than a millisecond before it
    [InlineData("instant", 3155378976000000000L)] // one tick past DateTimeOffset.MaxValue
    public async Task A_customer_token_with_an_impossible_instant_or_precision_is_refused_as_damaged(string member, long value)
    {
        var token = Decode(await FirstCustomerPageTokenAsync());
        ((JObject)token["at"]!)[member] = value;

        var error = await CustomerWalkRefusesAsync(new CustomerListOptions { ContinuationToken = Encode(token) });

        Assert.StartsWith("The continuation token is damaged.", error.Message);
    }

    [Theory]
    [InlineData(CustomerListOrder.CreatedAt, 10000L, "0001-01-01T00:00:00.0000000+00:00")]
    [InlineData(CustomerListOrder.CreatedAtDescending, 3155378975999989999L, "9999-12-31T23:59:59.9999999+00:00")]
    public async Task A_customer_token_a_millisecond_inside_the_representable_range_is_accepted_and_steps_to_its_edge(CustomerListOrder order, long instant, string cursor)
    {
        var token = Decode(await FirstCustomerPageTokenAsync(new CustomerListOptions { Order = order }));
        ((JObject)token["at"]!)["instant"] = instant;
        ((JObject)token["at"]!)["precision"] = TimeSpan.TicksPerMillisecond;
        using var t = new TestClient();
        t.Handler.When(HttpMethod.Get, TestClient.BaseUrl + CustomersPath).RespondWithJson(HttpStatusCode.OK, CustomersList(0, false));

        Assert.Empty(await TakeAsync(t.Customers.ListCustomerPagesAsync(new CustomerListOptions { Order = order, ContinuationToken = Encode(token) })));

        Assert.Equal(cursor, System.Web.HttpUtility.ParseQueryString(Assert.Single(t.Requests).Uri.Query)["starting_after"]);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(10000L)]
    public async Task A_customer_token_with_the_extreme_precisions_is_accepted_and_steps_the_cursor_by_it(long precision)
    {
        var token = Decode(await FirstCustomerPageTokenAsync());
        ((JObject)token["at"]!)["precision"] = precision;
        var expectedCursor = new DateTimeOffset(2025, 3, 1, 12, 0, 0, 4, TimeSpan.Zero).AddTicks(precision);
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, CustomersPath, Query.Of(("limit", "100"), ("starting_after", expectedCursor.ToString("o", System.Globalization.CultureInfo.InvariantCulture))))
            .RespondWithJson(HttpStatusCode.OK, CustomersList(0, false));

        Assert.Empty(await TakeAsync(t.Customers.ListCustomerPagesAsync(new CustomerListOptions { ContinuationToken = Encode(token) })));

        t.Handler.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task Customers_without_created_at_get_pages_without_a_token_and_stop_the_walk_at_page_99()
    {
        using var t = new TestClient();
        t.Handler.When(HttpMethod.Get, TestClient.BaseUrl + CustomersPath).Respond(request =>
        {
            var page = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query)["page"];
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent($$"""{"object":"list","data_ref":"customers","customers":[{"id":"cust_{{page}}"}],"total":500,"has_more":true}""",
                    Encoding.UTF8, "application/json"),
            };
        });
        var pages = new List<ListPage<Customer>>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var page in t.Customers.ListCustomerPagesAsync(new CustomerListOptions { PageSize = 1 })) pages.Add(page);
        });

        Assert.Equal("The API returned customers without created_at, which the cursor needs beyond page 99.", error.Message);
        // Every numbered page was listed, none of them resumable, and no cursor request was attempted.
        Assert.Equal(Enumerable.Range(1, 99).Select(i => $"cust_{i}"), pages.Select(page => Assert.Single(page.Items).Id));
        Assert.All(pages, page => Assert.Null(page.ContinuationToken));
        Assert.Equal(Enumerable.Range(1, 99).Select(i => $"?limit=1&page={i}&order=-created_at"), t.Requests.Select(request => request.Uri.Query));
    }

    [Fact]
    public async Task Every_page_of_a_walk_reports_the_first_answers_total()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, CustomersPath, Query.Of(("limit", "2"), ("page", "1"), ("order", "-created_at")))
            .RespondWithJson(HttpStatusCode.OK, CustomersList(5, true, Customer("cust_a", "2025-03-01T12:00:00.005Z"), Customer("cust_b", "2025-03-01T12:00:00.004Z")));
        t.Expect(HttpMethod.Get, CustomersPath, Query.Of(("limit", "2"), ("page", "2"), ("order", "-created_at")))
            .RespondWithJson(HttpStatusCode.OK, CustomersList(3, false, Customer("cust_c", "2025-03-01T12:00:00.003Z")));

        var pages = await TakeAsync(t.Customers.ListCustomerPagesAsync(new CustomerListOptions { PageSize = 2 }));

        t.Handler.VerifyNoOutstandingExpectation();
        Assert.Equal([5, 5], pages.Select(page => page.Total));
    }

    [Fact]
    public async Task The_customers_seen_at_the_last_instant_are_kept_in_the_token_in_ordinal_order()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, CustomersPath, Query.Of(("limit", "2"), ("page", "1"), ("order", "-created_at")))
            .RespondWithJson(HttpStatusCode.OK, CustomersList(5, true, Customer("cust_b", "2025-03-01T12:00:00.004Z"), Customer("cust_a", "2025-03-01T12:00:00.004Z")));

        var page = Assert.Single(await TakeAsync(t.Customers.ListCustomerPagesAsync(new CustomerListOptions { PageSize = 2 }), 1));

        Assert.Equal(["cust_a", "cust_b"], Decode(page.ContinuationToken!)["at"]!["seen"]!.Select(id => (string)id!));
    }

    [Theory]
    [InlineData(CustomerListOrder.CreatedAtDescending)]
    [InlineData(CustomerListOrder.CreatedAt)]
    public async Task A_cursor_answer_with_nothing_new_ends_the_walk_naming_the_instant_too_crowded_to_page_past(CustomerListOrder order)
    {
        var token = await FirstCustomerPageTokenAsync(new CustomerListOptions { Order = order });
        using var t = new TestClient();
        // More customers share cust_b's instant than a page holds: the cursor cannot move past them, so the same request
        // is sent once more (with cust_x now seen too) and brings nothing new.
        t.Handler.When(HttpMethod.Get, TestClient.BaseUrl + CustomersPath).RespondWithJson(HttpStatusCode.OK,
            CustomersList(9, true, Customer("cust_b", "2025-03-01T12:00:00.004Z"), Customer("cust_x", "2025-03-01T12:00:00.004Z")));
        var pages = new List<ListPage<Customer>>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var page in t.Customers.ListCustomerPagesAsync(new CustomerListOptions { PageSize = 2, Order = order, ContinuationToken = token })) pages.Add(page);
        });

        Assert.StartsWith("More than 2 customers were created at 2025-03-01T12:00:00.0040000+00:00; the created_at cursor cannot page past them.", error.Message);
        Assert.Equal(["cust_x"], Assert.Single(pages).Items.Select(c => c.Id));
        Assert.Equal(2, t.Requests.Count);
        Assert.Equal(t.Requests[0].Uri, t.Requests[1].Uri);
    }

    [Fact]
    public async Task A_customer_walk_refuses_a_page_size_or_order_it_cannot_walk_with_before_any_request()
    {
        using var t = new TestClient();

        var size = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => TakeAsync(t.Customers.ListCustomerPagesAsync(new CustomerListOptions { PageSize = 0 })));
        var order = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => TakeAsync(t.Customers.ListCustomerPagesAsync(new CustomerListOptions { Order = CustomerListOrder.SourceId })));

        Assert.Equal(("PageSize", "Order"), (size.ParamName, order.ParamName));
        Assert.StartsWith("The API returns 1 to 100 items per request.", size.Message);
        Assert.StartsWith("Listing every customer walks in creation order: use CreatedAt or CreatedAtDescending.", order.Message);
        Assert.Empty(t.Requests);
    }

    [Fact]
    public async Task Cancelling_while_holding_a_page_stops_each_walk_before_its_next_request()
    {
        using var t = new TestClient();
        t.Handler.When(HttpMethod.Get, TestClient.BaseUrl + CustomersPath)
            .RespondWithJson(HttpStatusCode.OK, CustomersList(5, true, Customer("cust_a", "2025-03-01T12:00:00.005Z")));
        t.Handler.When(HttpMethod.Get, TestClient.BaseUrl + ActivityPath).RespondWithJson(HttpStatusCode.OK, IdList("evcus_1", null, true, "evcus_1"));

        await CancelAfterFirstPageAsync(token => t.Customers.ListCustomerPagesAsync(new CustomerListOptions { PageSize = 1 }, token));
        await CancelAfterFirstPageAsync(token => t.Customers.ListCustomerActivityPagesAsync("cust_1", null, token));

        Assert.Equal(2, t.Requests.Count);
    }

    private static async Task CancelAfterFirstPageAsync<T>(Func<CancellationToken, IAsyncEnumerable<ListPage<T>>> walk)
    {
        using var cancellation = new CancellationTokenSource();
        await using var pages = walk(cancellation.Token).GetAsyncEnumerator();
        Assert.True(await pages.MoveNextAsync());

        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await pages.MoveNextAsync());
    }

    [Fact]
    public async Task A_list_that_shifted_so_page_99_repeats_page_98_goes_on_with_the_cursor_instead_of_failing()
    {
        // Newest first, one per page: a customer created during the walk pushes the list down by one, so page 99
        // brings back page 98's customer. Nothing new there is not "too many at one instant": the cursor carries on.
        var start = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
        string CreatedAt(int n) => start.AddSeconds(-n).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        using var t = new TestClient();
        t.Handler.When(HttpMethod.Get, TestClient.BaseUrl + CustomersPath).Respond(request =>
        {
            var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query);
            var n = query["page"] is string page ? Math.Min(int.Parse(page, System.Globalization.CultureInfo.InvariantCulture), 98) : 0;
            var body = n == 0 ? CustomersList(500, false) : CustomersList(500, true, Customer($"cust_{n}", CreatedAt(n)));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        });

        var pages = await TakeAsync(t.Customers.ListCustomerPagesAsync(new CustomerListOptions { PageSize = 1 }));

        Assert.Equal(Enumerable.Range(1, 98).Select(n => $"cust_{n}"), pages.Select(page => Assert.Single(page.Items).Id));
        Assert.Equal(100, t.Requests.Count);
        Assert.Equal("2025-03-01T11:58:22.0010000+00:00", System.Web.HttpUtility.ParseQueryString(t.Requests[99].Uri.Query)["starting_after"]);
    }

    [Fact]
    public async Task A_creation_instant_at_the_end_of_the_calendar_ends_the_walk_at_page_99_with_the_documented_exception()
    {
        using var t = new TestClient();
        t.Handler.When(HttpMethod.Get, TestClient.BaseUrl + CustomersPath).Respond(request =>
        {
            var page = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query)["page"];
            var createdAt = page == "99" ? "9999-12-31T23:59:59.9999999Z" : "2025-03-01T12:00:00.000Z";
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(CustomersList(500, true, Customer($"cust_{page}", createdAt)), Encoding.UTF8, "application/json"),
            };
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TakeAsync(t.Customers.ListCustomerPagesAsync(new CustomerListOptions { PageSize = 1 })));

        Assert.Equal("The API returned a customer created at 9999-12-31T23:59:59.9999999+00:00, too close to the end of the calendar for a created_at cursor; the list cannot be continued.", error.Message);
        Assert.Equal(99, t.Requests.Count);
    }

    // ---- activity ----

    private static async Task<string> FirstActivityPageTokenAsync(CustomerActivityListOptions options)
    {
        using var t = new TestClient();
        t.Handler.Expect(HttpMethod.Get, TestClient.BaseUrl + ActivityPath)
            .RespondWithJson(HttpStatusCode.OK, IdList("evcus_2", null, true, "evcus_1", "evcus_2"));
        var page = Assert.Single(await TakeAsync(t.Customers.ListCustomerActivityPagesAsync("cust_1", options), 1));
        t.Handler.VerifyNoOutstandingExpectation();
        return page.ContinuationToken!;
    }

    [Fact]
    public async Task A_resumed_activity_walk_starts_after_the_cursor_of_the_page_that_issued_the_token()
    {
        var token = await FirstActivityPageTokenAsync(new CustomerActivityListOptions { PageSize = 2, Order = CustomerActivityListOrder.CreatedAt, Type = "customer.order.paid" });
        using var t = new TestClient();
        // The page size may change between runs; the cursor, order and filters carry on.
        t.Expect(HttpMethod.Get, ActivityPath, Query.Of(("limit", "5"), ("order", "created_at"), ("starting_after_id", "evcus_2"), ("type", "customer.order.paid")))
            .RespondWithJson(HttpStatusCode.OK, IdList(null, null, false, "evcus_3"));

        var pages = await TakeAsync(t.Customers.ListCustomerActivityPagesAsync("cust_1",
            new CustomerActivityListOptions { PageSize = 5, Order = CustomerActivityListOrder.CreatedAt, Type = "customer.order.paid", ContinuationToken = token }));

        t.Handler.VerifyNoOutstandingExpectation();
        var page = Assert.Single(pages);
        Assert.Equal(["evcus_3"], page.Items.Select(a => a.Id));
        Assert.Null(page.Total);
        Assert.Equal("evcus_3", (string)Decode(page.ContinuationToken!)["at"]!["after"]!);
    }

    [Fact]
    public async Task A_resumed_walk_whose_answer_points_back_at_the_tokens_own_cursor_stops_after_one_request()
    {
        var token = await FirstActivityPageTokenAsync(new CustomerActivityListOptions());
        using var t = new TestClient();
        t.Handler.When(HttpMethod.Get, TestClient.BaseUrl + ActivityPath).RespondWithJson(HttpStatusCode.OK, IdList("evcus_2", null, true, "evcus_3"));
        var pages = new List<ListPage<CustomerActivity>>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var page in t.Customers.ListCustomerActivityPagesAsync("cust_1", new CustomerActivityListOptions { ContinuationToken = token })) pages.Add(page);
        });

        Assert.Equal("The API reported more items but gave no new cursor (after 'evcus_2'); the list cannot be continued.", error.Message);
        Assert.Equal(["evcus_3"], Assert.Single(pages).Items.Select(a => a.Id));
        Assert.Single(t.Requests);
    }

    [Fact]
    public async Task A_page_whose_last_item_has_no_id_and_that_names_no_cursor_carries_no_token()
    {
        using var t = new TestClient();
        t.Handler.When(HttpMethod.Get, TestClient.BaseUrl + RedeemablesPath)
            .RespondWithJson(HttpStatusCode.OK, """{"object":"list","data_ref":"data","data":[{"object":"voucher"}],"total":1,"has_more":false}""");

        var page = Assert.Single(await TakeAsync(t.Customers.ListCustomerRedeemablePagesAsync("cust_1")));

        Assert.Single(page.Items);
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public async Task An_activity_token_is_refused_for_another_customer_or_other_filters_before_any_request()
    {
        var token = await FirstActivityPageTokenAsync(new CustomerActivityListOptions { Category = CustomerActivityCategory.Action });
        using var t = new TestClient();

        var otherCustomer = Assert.Throws<ArgumentException>(() =>
            t.Customers.ListCustomerActivityPagesAsync("cust_2", new CustomerActivityListOptions { Category = CustomerActivityCategory.Action, ContinuationToken = token }));
        var otherCategory = Assert.Throws<ArgumentException>(() =>
            t.Customers.ListCustomerActivityPagesAsync("cust_1", new CustomerActivityListOptions { Category = CustomerActivityCategory.Effect, ContinuationToken = token }));
        var noCategory = Assert.Throws<ArgumentException>(() =>
            t.Customers.ListCustomerActivityPagesAsync("cust_1", new CustomerActivityListOptions { ContinuationToken = token }));

        Assert.All(new[] { otherCustomer, otherCategory, noCategory }, error =>
        {
            Assert.Equal("options", error.ParamName);
            Assert.StartsWith("The continuation token was issued for a different list", error.Message);
        });
        Assert.Empty(t.Requests);
    }

    // ---- redeemables ----

    private static readonly CustomerRedeemableFilter OwnerFilter = new()
    {
        HolderRole = new StringFilterConditions { In = { "OWNER" } },
        Junction = FilterJunction.And,
    };

    private const string OwnerFilterQuery = "filters[holder_role][conditions][$in][0]=OWNER&filters[junction]=and";

    private static async Task<string> FirstRedeemablePageTokenAsync(string customerId = "cust_1", CustomerRedeemableFilter? filter = null, CustomerRedeemableListOrder? order = CustomerRedeemableListOrder.Id)
    {
        using var t = new TestClient();
        t.Handler.Expect(HttpMethod.Get, $"{TestClient.BaseUrl}/v1/customers/{customerId}/redeemables")
            .RespondWithJson(HttpStatusCode.OK, IdList("rh_2", 7, true, "rh_1", "rh_2"));
        var page = Assert.Single(await TakeAsync(t.Customers.ListCustomerRedeemablePagesAsync(customerId,
            new CustomerRedeemableListOptions { PageSize = 2, Order = order, Filter = filter }), 1));
        t.Handler.VerifyNoOutstandingExpectation();
        Assert.Equal(7, page.Total);
        return page.ContinuationToken!;
    }

    [Fact]
    public async Task A_resumed_redeemable_walk_sends_the_tokens_cursor_with_the_same_order_and_filter_and_keeps_the_first_total()
    {
        var token = await FirstRedeemablePageTokenAsync(filter: OwnerFilter);
        using var t = new TestClient();
        t.Handler.Expect(HttpMethod.Get, TestClient.BaseUrl + RedeemablesPath)
            .WithExactQueryString($"limit=3&order=id&starting_after_id=rh_2&{OwnerFilterQuery}")
            .RespondWithJson(HttpStatusCode.OK, IdList(null, 5, false, "rh_3"));

        var pages = await TakeAsync(t.Customers.ListCustomerRedeemablePagesAsync("cust_1",
            new CustomerRedeemableListOptions { PageSize = 3, Order = CustomerRedeemableListOrder.Id, Filter = OwnerFilter, ContinuationToken = token }));

        t.Handler.VerifyNoOutstandingExpectation();
        var page = Assert.Single(pages);
        Assert.Equal(["rh_3"], page.Items.Select(r => r.Id));
        Assert.Equal(7, page.Total);
    }

    [Fact]
    public async Task A_redeemable_token_is_refused_for_another_customer_order_or_filter_before_any_request()
    {
        var token = await FirstRedeemablePageTokenAsync(filter: OwnerFilter);
        using var t = new TestClient();
        var referrer = new CustomerRedeemableFilter { HolderRole = new StringFilterConditions { In = { "REFERRER" } }, Junction = FilterJunction.And };

        var refused = new[]
        {
            Assert.Throws<ArgumentException>(() => t.Customers.ListCustomerRedeemablePagesAsync("cust_2",
                new CustomerRedeemableListOptions { Order = CustomerRedeemableListOrder.Id, Filter = OwnerFilter, ContinuationToken = token })),
            Assert.Throws<ArgumentException>(() => t.Customers.ListCustomerRedeemablePagesAsync("cust_1",
                new CustomerRedeemableListOptions { Order = CustomerRedeemableListOrder.IdDescending, Filter = OwnerFilter, ContinuationToken = token })),
            Assert.Throws<ArgumentException>(() => t.Customers.ListCustomerRedeemablePagesAsync("cust_1",
                new CustomerRedeemableListOptions { Order = CustomerRedeemableListOrder.Id, Filter = referrer, ContinuationToken = token })),
            Assert.Throws<ArgumentException>(() => t.Customers.ListCustomerRedeemablePagesAsync("cust_1",
                new CustomerRedeemableListOptions { Order = CustomerRedeemableListOrder.Id, ContinuationToken = token })),
        };

        Assert.All(refused, error =>
        {
            Assert.Equal("options", error.ParamName);
            Assert.StartsWith("The continuation token was issued for a different list", error.Message);
        });
        Assert.Empty(t.Requests);
    }

    [Fact]
    public async Task An_activity_token_is_refused_by_the_redeemable_walk_of_the_same_customer()
    {
        var token = await FirstActivityPageTokenAsync(new CustomerActivityListOptions());
        using var t = new TestClient();

        var error = Assert.Throws<ArgumentException>(() => t.Customers.ListCustomerRedeemablePagesAsync("cust_1",
            new CustomerRedeemableListOptions { ContinuationToken = token }));

        Assert.Equal("options", error.ParamName);
        Assert.StartsWith("The continuation token was issued for a different list", error.Message);
        Assert.Empty(t.Requests);
    }

    [Fact]
    public async Task A_token_and_a_starting_id_together_are_refused_before_any_request()
    {
        var token = await FirstRedeemablePageTokenAsync();
        using var t = new TestClient();

        var error = Assert.Throws<ArgumentException>(() => t.Customers.ListCustomerRedeemablePagesAsync("cust_1",
            new CustomerRedeemableListOptions { Order = CustomerRedeemableListOrder.Id, StartingAfterId = "rh_9", ContinuationToken = token }));

        Assert.Equal("options", error.ParamName);
        Assert.StartsWith("Set either a continuation token or a starting id, not both.", error.Message);
        Assert.Empty(t.Requests);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(42)]
    public async Task An_id_cursor_token_without_a_string_cursor_is_refused_as_incomplete(int? numericCursor)
    {
        var token = Decode(await FirstRedeemablePageTokenAsync());
        var at = (JObject)token["at"]!;
        if (numericCursor is int number) at["after"] = number;
        else at.Remove("after");
        using var t = new TestClient();

        var error = Assert.Throws<ArgumentException>(() => t.Customers.ListCustomerRedeemablePagesAsync("cust_1",
            new CustomerRedeemableListOptions { Order = CustomerRedeemableListOrder.Id, ContinuationToken = Encode(token) }));

        Assert.Equal("options", error.ParamName);
        Assert.StartsWith("The continuation token is incomplete.", error.Message);
        Assert.Empty(t.Requests);
    }

    [Fact]
    public void A_malformed_token_is_refused_by_the_id_cursor_walkers_before_any_request()
    {
        using var t = new TestClient();

        var redeemables = Assert.Throws<ArgumentException>(() => t.Customers.ListCustomerRedeemablePagesAsync("cust_1", new CustomerRedeemableListOptions { ContinuationToken = "!!" }));
        var activity = Assert.Throws<ArgumentException>(() => t.Customers.ListCustomerActivityPagesAsync("cust_1", new CustomerActivityListOptions { ContinuationToken = "!!" }));

        Assert.All(new[] { redeemables, activity }, error =>
        {
            Assert.Equal("options", error.ParamName);
            Assert.StartsWith("The continuation token is not one a Voucherify.NET walker issued.", error.Message);
            Assert.IsType<FormatException>(error.InnerException);
        });
        Assert.Empty(t.Requests);
    }

    // ---- page size ----

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void The_id_cursor_walkers_refuse_a_page_size_outside_1_to_100_before_any_request(int pageSize)
    {
        using var t = new TestClient();

        var redeemables = Assert.Throws<ArgumentOutOfRangeException>(() => t.Customers.ListCustomerRedeemablePagesAsync("cust_1", new CustomerRedeemableListOptions { PageSize = pageSize }));
        var activity = Assert.Throws<ArgumentOutOfRangeException>(() => t.Customers.ListCustomerActivityPagesAsync("cust_1", new CustomerActivityListOptions { PageSize = pageSize }));

        Assert.All(new[] { redeemables, activity }, error =>
        {
            Assert.Equal("PageSize", error.ParamName);
            Assert.Equal(pageSize, error.ActualValue);
        });
        Assert.Empty(t.Requests);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public async Task The_id_cursor_walkers_accept_page_sizes_1_and_100(int pageSize)
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, RedeemablesPath, Query.Of(("limit", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            .RespondWithJson(HttpStatusCode.OK, IdList(null, 1, false, "rh_1"));

        var pages = await TakeAsync(t.Customers.ListCustomerRedeemablePagesAsync("cust_1", new CustomerRedeemableListOptions { PageSize = pageSize }));

        t.Handler.VerifyNoOutstandingExpectation();
        Assert.Equal(["rh_1"], Assert.Single(pages).Items.Select(r => r.Id));
    }

    // ---- ListPage ----

    [Fact]
    public void A_page_made_without_a_token_has_none_and_keeps_its_items_and_total()
    {
        var items = new[] { "a", "b" };

        var page = new ListPage<string>(items, 12);

        Assert.Same(items, page.Items);
        Assert.Equal(12, page.Total);
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public void A_page_keeps_the_token_it_was_made_with_and_refuses_null_items()
    {
        var page = new ListPage<string>(["a"], null, "tok");

        Assert.Equal("tok", page.ContinuationToken);
        Assert.Null(page.Total);
        Assert.Equal("items", Assert.Throws<ArgumentNullException>(() => new ListPage<string>(null!, 1)).ParamName);
    }
}
