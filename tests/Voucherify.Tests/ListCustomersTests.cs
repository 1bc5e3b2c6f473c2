namespace Voucherify.Tests;

/// <summary>list-customers: every query parameter on the wire, and the list envelope.</summary>
public class ListCustomersTests
{
    [Fact]
    public async Task Every_filter_is_sent_under_its_wire_name_with_date_times_keeping_their_offset()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, "/v1/customers", Query.Of(
                ("limit", "25"),
                ("page", "3"),
                ("email", "bob+promo@email.com"),
                ("city", "New York"),
                ("name", "Bob Smith"),
                ("segment_id", "seg_DNAOhUtJffvX0f57ajLMFBYR"),
                ("created_at[before]", "2024-01-02T03:04:05.0000000+00:00"),
                ("created_at[after]", "2023-06-30T22:15:00.1230000+02:00"),
                ("updated_at[before]", "2024-02-29T23:59:59.9990000-05:00"),
                ("updated_at[after]", "2023-01-01T00:00:00.0000000+05:30"),
                ("order", "-created_at"),
                ("starting_after", "2022-08-30T06:32:07.3800000+00:00")))
            .RespondWithFixture(HttpStatusCode.OK, "Customers/customers-list.json");

        await t.Customers.ListCustomersAsync(
            limit: 25,
            page: 3,
            email: "bob+promo@email.com",
            city: "New York",
            name: "Bob Smith",
            segmentId: "seg_DNAOhUtJffvX0f57ajLMFBYR",
            createdAtBefore: new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
            createdAtAfter: new DateTimeOffset(2023, 6, 30, 22, 15, 0, 123, TimeSpan.FromHours(2)),
            updatedAtBefore: new DateTimeOffset(2024, 2, 29, 23, 59, 59, 999, TimeSpan.FromHours(-5)),
            updatedAtAfter: new DateTimeOffset(2023, 1, 1, 0, 0, 0, new TimeSpan(5, 30, 0)),
            order: CustomerListOrder.CreatedAtDescending,
            startingAfter: new DateTimeOffset(2022, 8, 30, 6, 32, 7, 380, TimeSpan.Zero));

        t.Handler.VerifyNoOutstandingExpectation();
        t.SingleSignedRequest();
    }

    [Fact]
    public async Task Bracketed_names_and_offsets_are_percent_encoded_so_a_plus_is_never_read_as_a_space()
    {
        using var t = new TestClient();
        t.Handler.Fallback.RespondWithFixture(HttpStatusCode.OK, "Customers/customers-list.json");

        await t.Customers.ListCustomersAsync(
            createdAtBefore: new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)),
            email: "bob+promo@email.com");

        Assert.Equal(
            "?email=bob%2Bpromo%40email.com&created_at%5Bbefore%5D=2024-01-02T03%3A04%3A05.0000000%2B01%3A00",
            t.SingleSignedRequest().Uri.Query);
    }

    [Theory]
    [InlineData(CustomerListOrder.CreatedAt, "created_at")]
    [InlineData(CustomerListOrder.CreatedAtDescending, "-created_at")]
    [InlineData(CustomerListOrder.UpdatedAt, "updated_at")]
    [InlineData(CustomerListOrder.UpdatedAtDescending, "-updated_at")]
    [InlineData(CustomerListOrder.SourceId, "source_id")]
    [InlineData(CustomerListOrder.SourceIdDescending, "-source_id")]
    public async Task Order_is_sent_as_its_wire_value(CustomerListOrder order, string wireValue)
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, "/v1/customers", Query.Of(("order", wireValue)))
            .RespondWithFixture(HttpStatusCode.OK, "Customers/customers-list.json");

        await t.Customers.ListCustomersAsync(order: order);

        t.Handler.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task Without_filters_no_query_string_is_sent()
    {
        using var t = new TestClient();
        t.Handler.Fallback.RespondWithFixture(HttpStatusCode.OK, "Customers/customers-list.json");

        await t.Customers.ListCustomersAsync();

        var request = t.SingleSignedRequest();
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal(TestClient.BaseUrl + "/v1/customers", request.Uri.OriginalString);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(100, 99)]
    public async Task Page_and_limit_at_the_ends_of_their_range_are_sent(int limit, int page)
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, "/v1/customers", Query.Of(("limit", $"{limit}"), ("page", $"{page}")))
            .RespondWithFixture(HttpStatusCode.OK, "Customers/customers-list.json");

        await t.Customers.ListCustomersAsync(limit: limit, page: page);

        t.Handler.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task The_list_envelope_and_each_customer_are_read_in_full()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, "/v1/customers", Query.Of(("limit", "2")))
            .RespondWithFixture(HttpStatusCode.OK, "Customers/customers-list.json");

        var list = await t.Customers.ListCustomersAsync(limit: 2);

        Assert.Equal("list", list.Object);
        Assert.Equal("customers", list.DataRef);
        Assert.Equal(2, list.Total);
        Assert.Null(list.HasMore);
        Assert.Equal(2, list.Customers!.Count);

        var bob = list.Customers[0];
        Assert.Equal("cust_CSnYd37MXmrbS19XCrghjBsv", bob.Id);
        Assert.Equal(new DateTime(2022, 1, 1), bob.Birthdate);
        Assert.Equal(1600, bob.Summary!.Orders!.TotalAmount);
        Assert.Equal(1600, bob.Summary.Orders.LastOrderAmount);
        Assert.Equal(new DateTimeOffset(2022, 8, 30, 10, 17, 39, 220, TimeSpan.Zero), bob.Summary.Orders.LastOrderDate);
        Assert.Equal(4200, bob.Summary.Redemptions!.LoyaltyCard!.PointsToGo);
        Assert.Equal(2200, bob.Loyalty!.Points);
        Assert.Equal(
            ["Christmas Campaign", "Fall Campaign", "Winter Campaign", "Summer Campaign", "Spring Campaign"],
            bob.Loyalty.Campaigns!.Keys);
        Assert.Equal(1000, bob.Loyalty.Campaigns["Christmas Campaign"].Points);
        Assert.Equal(50, bob.Loyalty.Campaigns["Summer Campaign"].Points);
        var referral = Assert.Single(bob.Referrals!.Campaigns!);
        Assert.Equal(1, bob.Referrals.Total);
        Assert.Equal("camp_rRsfatlwN7unSeUIJDCYedal", referral.CampaignId);
        Assert.Equal("cust_sehkNIi8Uq2qQuRqSr7xn4Zi", referral.ReferrerId);
        Assert.Equal("r_0b9d4c5121d64dd01d", referral.RelatedObjectId);
        Assert.Equal("redemption", referral.RelatedObjectType);
        Assert.Equal(new DateTimeOffset(2022, 8, 30, 10, 17, 41, 89, TimeSpan.Zero), referral.Date);
        Assert.Equal("en", bob.Metadata!["lang"]);
        Assert.Equal(true, bob.Metadata["test"]);
        Assert.Equal(new DateTimeOffset(2022, 8, 30, 10, 17, 58, 49, TimeSpan.Zero), bob.UpdatedAt);

        var jane = list.Customers[1];
        Assert.Equal("jane.smith@email.com", jane.SourceId);
        Assert.Equal(1000, jane.Summary!.Redemptions!.Gift!.RedeemedAmount);
        Assert.Equal(4000, jane.Summary.Redemptions.Gift.AmountToGo);
        Assert.Equal(1, jane.Summary.Redemptions.TotalRolledBack);
        Assert.Equal(new DateTimeOffset(2022, 8, 30, 11, 51, 8, TimeSpan.Zero), jane.Summary.Orders!.LastOrderDate);
        Assert.Equal("ltr_pmaCpJxCHz1FVWWtmpRzrsVV", jane.Loyalty!.Campaigns!["Christmas Campaign"].LoyaltyTier);
        Assert.Equal(2, jane.Loyalty.Campaigns["Christmas Campaign"].ReferredCustomers);
        Assert.Equal(new DateTimeOffset(2022, 8, 30, 8, 40, 16, 153, new TimeSpan(5, 30, 0)), jane.CreatedAt);
        Assert.Equal(new TimeSpan(5, 30, 0), jane.CreatedAt!.Value.Offset);
        Assert.Equal(false, jane.Metadata!["test"]);
        Assert.Equal(12L, jane.Metadata["visits"]);
        Assert.Equal(["vip", "newsletter"], ((Newtonsoft.Json.Linq.JArray)jane.Metadata["tags"]).Select(tag => (string)tag!));
    }
}
