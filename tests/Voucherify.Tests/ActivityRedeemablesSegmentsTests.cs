using Newtonsoft.Json.Linq;

namespace Voucherify.Tests;

/// <summary>list-customer-activity, list-customer-redeemables and list-customer-segments.</summary>
public class ActivityRedeemablesSegmentsTests
{
    private const string CustomerId = "cust_p1ufreYbVbwZ1x70nFkH9rF9";

    [Fact]
    public async Task Activity_sends_every_filter_under_its_wire_name()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, $"/v1/customers/{CustomerId}/activity", Query.Of(
                ("limit", "50"),
                ("order", "-created_at"),
                ("starting_after_id", "evcus_0c9d8a3e0a8b7c1f2e"),
                ("start_date", "2022-07-01T00:00:00.0000000+00:00"),
                ("end_date", "2022-07-31T23:59:59.5000000+02:00"),
                ("campaign_id", "camp_ixXNxP8kRoV15RoyZU4HqqYJ"),
                ("campaign_type", "LOYALTY_PROGRAM"),
                ("category", "EFFECT"),
                ("type", "customer.rewarded.loyalty_points")))
            .RespondWithFixture(HttpStatusCode.OK, "Customers/customer-activity-list.json");

        await t.Customers.ListCustomerActivityAsync(
            CustomerId,
            limit: 50,
            order: CustomerActivityListOrder.CreatedAtDescending,
            startingAfterId: "evcus_0c9d8a3e0a8b7c1f2e",
            startDate: new DateTimeOffset(2022, 7, 1, 0, 0, 0, TimeSpan.Zero),
            endDate: new DateTimeOffset(2022, 7, 31, 23, 59, 59, 500, TimeSpan.FromHours(2)),
            campaignId: "camp_ixXNxP8kRoV15RoyZU4HqqYJ",
            campaignType: CampaignType.LoyaltyProgram,
            category: CustomerActivityCategory.Effect,
            type: "customer.rewarded.loyalty_points");

        t.Handler.VerifyNoOutstandingExpectation();
        t.SingleSignedRequest();
    }

    [Theory]
    [InlineData(CampaignType.Promotion, "PROMOTION")]
    [InlineData(CampaignType.GiftVouchers, "GIFT_VOUCHERS")]
    [InlineData(CampaignType.ReferralProgram, "REFERRAL_PROGRAM")]
    [InlineData(CampaignType.DiscountCoupons, "DISCOUNT_COUPONS")]
    [InlineData(CampaignType.LoyaltyProgram, "LOYALTY_PROGRAM")]
    public async Task Activity_campaign_type_is_sent_as_its_wire_value(CampaignType campaignType, string wireValue)
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, $"/v1/customers/{CustomerId}/activity", Query.Of(("campaign_type", wireValue)))
            .RespondWithFixture(HttpStatusCode.OK, "Customers/customer-activity-list.json");

        await t.Customers.ListCustomerActivityAsync(CustomerId, campaignType: campaignType);

        t.Handler.VerifyNoOutstandingExpectation();
    }

    [Theory]
    [InlineData(CustomerActivityCategory.Action, CustomerActivityListOrder.CreatedAt, "ACTION", "created_at")]
    [InlineData(CustomerActivityCategory.Effect, CustomerActivityListOrder.CreatedAtDescending, "EFFECT", "-created_at")]
    public async Task Activity_category_and_order_are_sent_as_their_wire_values(CustomerActivityCategory category, CustomerActivityListOrder order, string categoryValue, string orderValue)
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, $"/v1/customers/{CustomerId}/activity", Query.Of(("order", orderValue), ("category", categoryValue)))
            .RespondWithFixture(HttpStatusCode.OK, "Customers/customer-activity-list.json");

        await t.Customers.ListCustomerActivityAsync(CustomerId, order: order, category: category);

        t.Handler.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task Activity_page_is_read_with_its_events_sources_and_cursor()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, $"/v1/customers/{CustomerId}/activity").RespondWithFixture(HttpStatusCode.OK, "Customers/customer-activity-list.json");

        var page = await t.Customers.ListCustomerActivityAsync(CustomerId);

        t.Handler.VerifyNoOutstandingExpectation();
        t.SingleSignedRequest();
        Assert.Equal("list", page.Object);
        Assert.Equal("data", page.DataRef);
        Assert.True(page.HasMore);
        Assert.Equal("evcus_0c9d8a3e0a8b7c1f2e", page.MoreStartingAfter);
        Assert.Equal(2, page.Data!.Count);

        var paid = page.Data[0];
        Assert.Equal("evcus_0c9d8a3e0a8b7c1f2d", paid.Id);
        Assert.Equal("customer.order.paid", paid.Type);
        Assert.Equal("v-0b9e924dd243bf26e2", paid.GroupId);
        Assert.Equal(new DateTimeOffset(2022, 7, 26, 14, 59, 52, 814, TimeSpan.Zero), paid.CreatedAt);
        var eventData = Assert.IsType<JObject>(paid.Data!.Data);
        Assert.Equal(3900, (int)eventData["order"]!["amount"]!);
        Assert.Equal("API", paid.Data.EventSource!.Channel);
        Assert.Equal("Backend integration", paid.Data.EventSource.ApiKey!.Name);
        Assert.Equal("92b3ba5e-aa39-4f7b-8ee2-3d5e2fd8a3c6", paid.Data.EventSource.ApiKey.AppId);
        Assert.Null(paid.Data.EventSource.User);

        var rewarded = page.Data[1];
        Assert.Equal("customer.rewarded.loyalty_points", rewarded.Type);
        Assert.Equal("USER_PORTAL", rewarded.Data!.EventSource!.Channel);
        Assert.Equal("user_5xXnPb4MzDzQ2rcGLTIdBB4Uymsu5ozt", rewarded.Data.EventSource.User!.Id);
        Assert.Equal(new DateTimeOffset(2022, 7, 25, 9, 10, 11, TimeSpan.FromHours(2)), rewarded.CreatedAt);
        Assert.Equal(TimeSpan.FromHours(2), rewarded.CreatedAt!.Value.Offset);
    }

    [Fact]
    public async Task Redeemables_send_limit_order_and_cursor()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, $"/v1/customers/{CustomerId}/redeemables", Query.Of(
                ("limit", "10"), ("order", "-id"), ("starting_after_id", "rh_0e7b8db4700106a852")))
            .RespondWithFixture(HttpStatusCode.OK, "Customers/customer-redeemables-list.json");

        await t.Customers.ListCustomerRedeemablesAsync(CustomerId, limit: 10, order: CustomerRedeemableListOrder.IdDescending, startingAfterId: "rh_0e7b8db4700106a852");

        t.Handler.VerifyNoOutstandingExpectation();
        t.SingleSignedRequest();
    }

    [Fact]
    public async Task Redeemables_ascending_order_is_sent_as_id()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, $"/v1/customers/{CustomerId}/redeemables", Query.Of(("order", "id")))
            .RespondWithFixture(HttpStatusCode.OK, "Customers/customer-redeemables-list.json");

        await t.Customers.ListCustomerRedeemablesAsync(CustomerId, order: CustomerRedeemableListOrder.Id);

        t.Handler.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task Redeemables_are_read_with_their_vouchers_and_the_nulls_the_service_sends()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, $"/v1/customers/{CustomerId}/redeemables").RespondWithFixture(HttpStatusCode.OK, "Customers/customer-redeemables-list.json");

        var page = await t.Customers.ListCustomerRedeemablesAsync(CustomerId);

        t.SingleSignedRequest();
        Assert.Equal(2, page.Total);
        Assert.False(page.HasMore);
        Assert.Null(page.MoreStartingAfter);

        var coupon = page.Data![0];
        Assert.Equal("rh_0e7b8db4700106a852", coupon.Id);
        Assert.Equal(new DateTimeOffset(2024, 3, 22, 17, 48, 25, 910, TimeSpan.Zero), coupon.CreatedAt);
        Assert.Equal("voucher", coupon.RedeemableObject);
        Assert.Equal(CustomerId, coupon.CustomerId);
        Assert.Equal("OWNER", coupon.HolderRole);
        Assert.Equal("DISCOUNT_COUPONS", coupon.CampaignType);
        Assert.Equal("DISCOUNT_VOUCHER", coupon.VoucherType);
        Assert.Equal("ACTIVE", coupon.Redeemable!.Status);
        Assert.Equal("voucher", coupon.Redeemable.Type);
        var voucher = coupon.Redeemable.Voucher!;
        Assert.Equal("3xRUnMVG", voucher.Code);
        Assert.Null(voucher.Category);
        Assert.Null(voucher.Gift);
        Assert.Null(voucher.LoyaltyCard);
        Assert.Null(voucher.StartDate);
        Assert.Null(voucher.ValidityDayOfWeek);
        Assert.Empty(voucher.Categories!);
        Assert.Equal(1000, (int)((JObject)voucher.Discount!)["amount_off"]!);
        Assert.True(voucher.Active);
        Assert.False(voucher.IsReferralCode);
        Assert.Equal(new DateTimeOffset(2024, 3, 22, 17, 48, 18, 570, TimeSpan.Zero), voucher.CreatedAt);
        Assert.Equal(new DateTimeOffset(2024, 3, 22, 17, 48, 25, TimeSpan.Zero).AddTicks(9109740), voucher.UpdatedAt);
        Assert.Null(voucher.Redemption!.Quantity);
        Assert.Equal(0, voucher.Redemption.RedeemedQuantity);
        Assert.Equal(1, voucher.Publish!.Count);
        Assert.Equal("/v1/vouchers/3xRUnMVG/publications?page=1&limit=10", voucher.Publish.Url);

        var card = page.Data[1];
        Assert.Equal("LOYALTY_CARD", card.VoucherType);
        var loyalty = card.Redeemable!.Voucher!.LoyaltyCard!;
        Assert.Equal(1250, loyalty.Points);
        Assert.Equal(1000, loyalty.Balance);
        Assert.Equal(new DateTime(2025, 3, 31), loyalty.NextExpirationDate);
        Assert.Equal(250, loyalty.SubtractedPoints);
        Assert.Equal([1, 2, 3, 4, 5], card.Redeemable.Voucher.ValidityDayOfWeek!);
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 23, 59, 59, TimeSpan.FromHours(-5)), card.Redeemable.Voucher.ExpirationDate);
        Assert.Equal("silver", card.Redeemable.Voucher.Metadata!["tier"]);
    }

    [Fact]
    public async Task Segments_are_read_in_the_order_sent()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, $"/v1/customers/{CustomerId}/segments").RespondWithFixture(HttpStatusCode.OK, "Customers/customer-segments-list.json");

        var segments = await t.Customers.ListCustomerSegmentsAsync(CustomerId);

        t.Handler.VerifyNoOutstandingExpectation();
        Assert.Empty(t.SingleSignedRequest().Body);
        Assert.Equal("list", segments.Object);
        Assert.Equal("data", segments.DataRef);
        Assert.Equal(3, segments.Total);
        Assert.Equal(
            ["seg_DNAOhUtJffvX0f57ajLMFBYR", "seg_1wc52c5z6r1kQ81brO8j9Hk2", "seg_WJv55MbzQwnr56ttJ2xUrSgt"],
            segments.Data!.Select(segment => segment.Id));
        Assert.Equal("Birthday After Dec 31", segments.Data![1].Name);
        Assert.All(segments.Data!, segment => Assert.Equal("segment", segment.Object));
    }
}
