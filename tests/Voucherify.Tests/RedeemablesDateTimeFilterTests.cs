namespace Voucherify.Tests;

/// <summary>
/// <see cref="CustomerRedeemableFilter.CreatedAt"/>: date-time conditions on the wire, as the redeemables list call and
/// walker send them.
/// </summary>
public class RedeemablesDateTimeFilterTests
{
    private const string CustomerId = "cust_p1ufreYbVbwZ1x70nFkH9rF9";
    private const string Path = $"/v1/customers/{CustomerId}/redeemables";
    private const string Prefix = "filters[created_at][conditions]";

    private static string Escaped(string text) => Uri.EscapeDataString(text);

    [Fact]
    public async Task Every_date_time_condition_is_sent_under_its_operator_with_instants_in_utc_milliseconds_and_z()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, Path, Query.Of(
                ($"{Prefix}[$after]", "2024-01-01T00:00:00.000Z"),
                ($"{Prefix}[$before]", "2024-07-01T01:59:59.999Z"),
                ($"{Prefix}[$has_value]", ""),
                ($"{Prefix}[$is_unknown]", ""),
                ($"{Prefix}[$more_than]", "30"),
                ($"{Prefix}[$less_than]", "7")))
            .RespondWithFixture(HttpStatusCode.OK, "Customers/customer-redeemables-list.json");

        await t.Customers.ListCustomerRedeemablesAsync(CustomerId, new CustomerRedeemableListOptions
        {
            Filter = new CustomerRedeemableFilter
            {
                CreatedAt = new DateTimeFilterConditions
                {
                    // 01:00 at +01:00 is midnight UTC; 23:59:59.9999999 at -02:00 is 01:59:59.9999999 UTC, cut to the millisecond.
                    After = new DateTimeOffset(2024, 1, 1, 1, 0, 0, TimeSpan.FromHours(1)),
                    Before = new DateTimeOffset(2024, 6, 30, 23, 59, 59, TimeSpan.FromHours(-2)).AddTicks(9_999_999),
                    HasValue = true,
                    IsUnknown = true,
                    MoreThanDaysAgo = 30,
                    LessThanDaysAgo = 7,
                },
            },
        });

        t.Handler.VerifyNoOutstandingExpectation();
        var request = t.SingleSignedRequest();
        // In field order, keys and values percent-encoded, the flags with an empty value.
        Assert.Equal(
            "?" + Escaped($"{Prefix}[$after]") + "=" + Escaped("2024-01-01T00:00:00.000Z")
            + "&" + Escaped($"{Prefix}[$before]") + "=" + Escaped("2024-07-01T01:59:59.999Z")
            + "&" + Escaped($"{Prefix}[$has_value]") + "="
            + "&" + Escaped($"{Prefix}[$is_unknown]") + "="
            + "&" + Escaped($"{Prefix}[$more_than]") + "=30"
            + "&" + Escaped($"{Prefix}[$less_than]") + "=7",
            request.Uri.Query);
        Assert.Contains("filters%5Bcreated_at%5D%5Bconditions%5D%5B%24after%5D=2024-01-01T00%3A00%3A00.000Z", request.Uri.Query);
    }

    [Fact]
    public async Task Unset_date_time_conditions_are_not_sent_and_zero_days_is_sent_as_zero()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, Path, Query.Of(($"{Prefix}[$less_than]", "0")))
            .RespondWithFixture(HttpStatusCode.OK, "Customers/customer-redeemables-list.json");

        await t.Customers.ListCustomerRedeemablesAsync(CustomerId, new CustomerRedeemableListOptions
        {
            Filter = new CustomerRedeemableFilter { CreatedAt = new DateTimeFilterConditions { LessThanDaysAgo = 0 } },
        });

        t.Handler.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task Empty_date_time_conditions_add_nothing_to_the_query()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, Path).RespondWithFixture(HttpStatusCode.OK, "Customers/customer-redeemables-list.json");

        await t.Customers.ListCustomerRedeemablesAsync(CustomerId, new CustomerRedeemableListOptions
        {
            Filter = new CustomerRedeemableFilter { CreatedAt = new DateTimeFilterConditions() },
        });

        t.Handler.VerifyNoOutstandingExpectation();
        Assert.Equal("", t.SingleSignedRequest().Uri.Query);
    }

    [Fact]
    public async Task Created_at_conditions_come_after_id_conditions_and_before_the_other_fields_and_the_junction()
    {
        using var t = new TestClient();
        t.Handler.Fallback.RespondWithFixture(HttpStatusCode.OK, "Customers/customer-redeemables-list.json");

        await t.Customers.ListCustomerRedeemablesAsync(CustomerId, new CustomerRedeemableListOptions
        {
            PageSize = 5,
            Filter = new CustomerRedeemableFilter
            {
                HolderRole = new StringFilterConditions { Is = "OWNER" },
                CreatedAt = new DateTimeFilterConditions { Before = new DateTimeOffset(2024, 2, 29, 12, 30, 15, 250, TimeSpan.Zero) },
                Id = new StringFilterConditions { IsNot = "rh_1" },
                Junction = FilterJunction.Or,
            },
        });

        Assert.Equal(
            "?limit=5"
            + "&" + Escaped("filters[id][conditions][$is_not]") + "=rh_1"
            + "&" + Escaped($"{Prefix}[$before]") + "=" + Escaped("2024-02-29T12:30:15.250Z")
            + "&" + Escaped("filters[holder_role][conditions][$is]") + "=OWNER"
            + "&" + Escaped("filters[junction]") + "=or",
            t.SingleSignedRequest().Uri.Query);
    }

    [Fact]
    public async Task The_redeemables_walker_sends_the_date_time_filter_on_every_page()
    {
        using var t = new TestClient();
        var after = ($"{Prefix}[$after]", "2023-12-31T23:00:00.000Z");
        t.Expect(HttpMethod.Get, Path, Query.Of(("limit", "1"), after))
            .RespondWithJson(HttpStatusCode.OK, """{"data":[{"id":"rh_1"}],"total":2,"has_more":true,"more_starting_after":"rh_1"}""");
        t.Expect(HttpMethod.Get, Path, Query.Of(("limit", "1"), ("starting_after_id", "rh_1"), after))
            .RespondWithJson(HttpStatusCode.OK, """{"data":[{"id":"rh_2"}],"total":2,"has_more":false}""");

        var ids = new List<string>();
        await foreach (var redeemable in t.Customers.ListAllCustomerRedeemablesAsync(CustomerId, new CustomerRedeemableListOptions
        {
            PageSize = 1,
            Filter = new CustomerRedeemableFilter { CreatedAt = new DateTimeFilterConditions { After = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(1)) } },
        }))
            ids.Add(redeemable.Id!);

        t.Handler.VerifyNoOutstandingExpectation();
        Assert.Equal(["rh_1", "rh_2"], ids);
    }

    [Fact]
    public async Task A_redeemables_token_is_refused_when_the_date_time_filter_differs_and_accepted_for_the_same_instant_in_another_offset()
    {
        static CustomerRedeemableFilter Since(DateTimeOffset instant) => new() { CreatedAt = new DateTimeFilterConditions { After = instant } };
        var since = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var first = new TestClient();
        first.Handler.Fallback.RespondWithJson(HttpStatusCode.OK, """{"data":[{"id":"rh_1"}],"total":3,"has_more":true,"more_starting_after":"rh_1"}""");
        string? token = null;
        await foreach (var page in first.Customers.ListCustomerRedeemablePagesAsync(CustomerId, new CustomerRedeemableListOptions { Filter = Since(since) }))
        {
            token = page.ContinuationToken;
            break;
        }
        using var t = new TestClient();

        var error = Assert.Throws<ArgumentException>(() => t.Customers.ListCustomerRedeemablePagesAsync(CustomerId,
            new CustomerRedeemableListOptions { Filter = Since(since.AddMilliseconds(1)), ContinuationToken = token }));

        Assert.Equal("options", error.ParamName);
        Assert.StartsWith("The continuation token was issued for a different list", error.Message);
        Assert.Empty(t.Requests);
        // The filter is sent in UTC, so the same instant written with another offset is the same list.
        t.Expect(HttpMethod.Get, Path, Query.Of(("limit", "100"), ("starting_after_id", "rh_1"), ($"{Prefix}[$after]", "2024-01-01T00:00:00.000Z")))
            .RespondWithJson(HttpStatusCode.OK, """{"data":[],"has_more":false}""");
        await foreach (var _ in t.Customers.ListCustomerRedeemablePagesAsync(CustomerId,
            new CustomerRedeemableListOptions { Filter = Since(since.ToOffset(TimeSpan.FromHours(3))), ContinuationToken = token }))
            Assert.Fail("an empty answer yields no page");
        t.Handler.VerifyNoOutstandingExpectation();
    }
}
