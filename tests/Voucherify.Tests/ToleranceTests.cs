using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Voucherify.Tests;

/// <summary>
/// Odd but valid payloads: nulls anywhere, unknown members, values outside the documented enums, empty objects and
/// numbers sent as strings must all be read without an exception and without losing data.
/// </summary>
public class ToleranceTests
{
    /// <summary>Every operation with a response body, with its sample's fixture of that body with every member null.</summary>
    public static TheoryData<string, string> AllNullFixtures()
    {
        var data = new TheoryData<string, string>();
        foreach (var sample in OperationSamples.All.Where(s => s.AllNullFixture is not null)) data.Add(sample.OperationId, sample.AllNullFixture!);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllNullFixtures))]
    public async Task A_response_with_every_member_null_is_read_as_all_nulls(string operation, string fixture)
    {
        var json = TestClient.Fixture("Tolerance/" + fixture);
        using var t = new TestClient();
        t.Handler.Fallback.Respond(ApiOperations.SuccessStatus(operation), "application/json", json);

        var result = await ApiOperations.CallForResultAsync(operation, t.Client);

        // The fixture must name every member the type knows, so a member added later is covered too.
        Assert.Equal(JsonNames(result.GetType()).Order(), JObject.Parse(json).Properties().Select(p => p.Name).Order());
        AssertEveryMemberNull(result);
    }

    [Theory]
    [MemberData(nameof(ApiOperations.WithBodyNames), MemberType = typeof(ApiOperations))]
    public async Task An_empty_object_is_read_as_a_result_with_every_member_null(string operation)
    {
        using var t = new TestClient();
        t.Handler.Fallback.Respond(ApiOperations.SuccessStatus(operation), "application/json", "{}");

        var result = await ApiOperations.CallForResultAsync(operation, t.Client);

        AssertEveryMemberNull(result);
    }

    [Fact]
    public async Task Nulls_inside_every_nested_customer_object_are_kept_as_nulls()
    {
        var customer = await GetCustomerFromFixtureAsync("customer-nested-nulls.json");

        AssertEveryMemberNull(customer.Address!);
        Assert.Null(customer.Metadata!["gone"]);
        Assert.Null(customer.Summary!.Orders!.TotalAmount);
        AssertEveryMemberNull(customer.Summary.Orders);
        Assert.Null(customer.Summary.Redemptions!.TotalRedeemed);
        AssertEveryMemberNull(customer.Summary.Redemptions.Gift!);
        AssertEveryMemberNull(customer.Summary.Redemptions.LoyaltyCard!);
        Assert.Null(customer.Loyalty!.Points);
        Assert.Null(customer.Loyalty.Campaigns!["Ghost Campaign"]);
        AssertEveryMemberNull(customer.Loyalty.Campaigns["Empty Campaign"]);
        Assert.Null(customer.Referrals!.Total);
        Assert.Null(customer.Referrals.Campaigns![0]);
        AssertEveryMemberNull(customer.Referrals.Campaigns[1]);
        AssertEveryMemberNull(customer.Assets!);
        Assert.Empty(customer.SystemMetadata!);
    }

    [Fact]
    public async Task Unknown_members_at_every_level_are_kept_in_additional_properties()
    {
        var customer = await GetCustomerFromFixtureAsync("customer-unknown-fields.json");

        Assert.Equal("customer_v2", customer.Object);
        Assert.Equal(250000, ((JObject)customer.AdditionalProperties["lifetime_value"])["amount"]!.Value<int>());
        Assert.Equal(3L, customer.AdditionalProperties["segments_count"]);
        Assert.Equal("2026-01-01T10:00:00+01:00", customer.AdditionalProperties["last_seen_at"]);
        Assert.Equal("Gdańsk", customer.Address!.City);
        Assert.Equal("PL-22", customer.Address.AdditionalProperties["region_code"]);
        Assert.Equal(1600, customer.Summary!.Orders!.TotalAmount);
        Assert.Equal("EUR", customer.Summary.Orders.AdditionalProperties["currency"]);
        Assert.Equal(4L, customer.Summary.Redemptions!.AdditionalProperties["total_expired"]);
        var club = customer.Loyalty!.Campaigns!["Club"];
        Assert.Equal(10, club.Points);
        Assert.Equal("Gold", club.AdditionalProperties["tier_name"]);
        Assert.Equal("2026-12-31", club.AdditionalProperties["expires"]);
        var referral = Assert.Single(customer.Referrals!.Campaigns!);
        Assert.Equal("order", referral.RelatedObjectType);
        Assert.Equal(5, ((JObject)referral.AdditionalProperties["reward"])["points"]!.Value<int>());
    }

    [Fact]
    public async Task Numbers_sent_as_strings_are_coerced()
    {
        var customer = await GetCustomerFromFixtureAsync("customer-coerced-values.json");

        Assert.Equal(1600, customer.Summary!.Orders!.TotalAmount);
        Assert.Equal(1, customer.Summary.Orders.TotalCount);
        Assert.Equal(1600, customer.Summary.Orders.AverageAmount);
        Assert.Equal(1600, customer.Summary.Orders.LastOrderAmount);
        Assert.Equal(2, customer.Summary.Redemptions!.TotalRedeemed);
        Assert.Equal(-500, customer.Summary.Redemptions.Gift!.RedeemedAmount);
        Assert.Equal(2200, customer.Loyalty!.Points);
        Assert.Equal(0, customer.Loyalty.ReferredCustomers);
        Assert.Equal(50, customer.Loyalty.Campaigns!["Summer Campaign"].Points);
        Assert.Equal(1, customer.Referrals!.Total);
    }

    [Fact]
    public async Task Money_amounts_beyond_the_32_bit_range_are_read_exactly()
    {
        using var t = new TestClient();
        t.Handler.Fallback.Respond("application/json",
            """{"id":"cust_big","summary":{"orders":{"total_amount":987654321012,"average_amount":2147483648,"last_order_amount":5000000000},"redemptions":{"gift":{"redeemed_amount":3000000000,"amount_to_go":4000000000}}}}""");

        var customer = await t.Client.Customers.GetCustomerAsync("cust_big");

        Assert.Equal(987_654_321_012L, customer.Summary!.Orders!.TotalAmount);
        Assert.Equal(2_147_483_648L, customer.Summary.Orders.AverageAmount);
        Assert.Equal(5_000_000_000L, customer.Summary.Orders.LastOrderAmount);
        Assert.Equal(3_000_000_000L, customer.Summary.Redemptions!.Gift!.RedeemedAmount);
        Assert.Equal(4_000_000_000L, customer.Summary.Redemptions.Gift.AmountToGo);
    }

    [Theory]
    [InlineData("2022-08-30T06:32:07Z", 0, 0)]
    [InlineData("2022-08-30T06:32:07.3Z", 3_000_000, 0)]
    [InlineData("2022-08-30T06:32:07.38Z", 3_800_000, 0)]
    [InlineData("2022-08-30T06:32:07.380Z", 3_800_000, 0)]
    [InlineData("2022-08-30T06:32:07.380123+00:00", 3_801_230, 0)]
    [InlineData("2022-08-30T06:32:07.3801234+00:00", 3_801_234, 0)]
    [InlineData("2022-08-30T06:32:07.57+02:00", 5_700_000, 120)]
    [InlineData("2022-08-30T06:32:07-03:30", 0, -210)]
    [InlineData("2022-08-30T06:32:07.000+05:45", 0, 345)]
    public async Task Timestamps_of_any_precision_and_offset_keep_their_instant_and_offset(string stamp, long fractionTicks, int offsetMinutes)
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, "/v1/customers/cust_1").RespondWithJson(HttpStatusCode.OK, $$"""{"id":"cust_1","created_at":"{{stamp}}"}""");

        var customer = await t.Customers.GetCustomerAsync("cust_1");

        var offset = TimeSpan.FromMinutes(offsetMinutes);
        Assert.Equal(new DateTimeOffset(2022, 8, 30, 6, 32, 7, offset).AddTicks(fractionTicks), customer.CreatedAt);
        Assert.Equal(offset, customer.CreatedAt!.Value.Offset);
    }

    [Fact]
    public async Task Date_like_strings_in_metadata_stay_strings_while_typed_members_parse_as_instants()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, "/v1/customers/cust_1").RespondWithJson(HttpStatusCode.OK, """
            {"id":"cust_1","created_at":"2022-08-30T06:32:07.380123Z",
             "metadata":{"joined":"2022-08-30T06:32:07.380123Z","nested":{"at":"2021-01-02T03:04:05+09:00"},"list":["2020-02-29T00:00:00Z"]},
             "updated_at":"2022-08-31T00:00:00Z","next_visit":"2023-01-01T00:00:00.5Z"}
            """);

        var customer = await t.Customers.GetCustomerAsync("cust_1");

        Assert.Equal(new DateTimeOffset(2022, 8, 30, 6, 32, 7, TimeSpan.Zero).AddTicks(3_801_230), customer.CreatedAt);
        Assert.Equal(new DateTimeOffset(2022, 8, 31, 0, 0, 0, TimeSpan.Zero), customer.UpdatedAt);
        Assert.Equal("2022-08-30T06:32:07.380123Z", customer.Metadata!["joined"]);
        Assert.Equal(JTokenType.String, ((JObject)customer.Metadata["nested"])["at"]!.Type);
        Assert.Equal("2021-01-02T03:04:05+09:00", (string)((JObject)customer.Metadata["nested"])["at"]!);
        Assert.Equal("2020-02-29T00:00:00Z", (string)((JArray)customer.Metadata["list"])[0]!);
        Assert.Equal("2023-01-01T00:00:00.5Z", customer.AdditionalProperties["next_visit"]);
    }

    [Fact]
    public async Task A_list_with_null_and_empty_items_and_string_typed_counts_is_read()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, "/v1/customers").RespondWithFixture(HttpStatusCode.OK, "Tolerance/customers-list-odd-items.json");

        var list = await t.Customers.ListCustomersAsync();

        Assert.Equal(3, list.Customers!.Count);
        Assert.Null(list.Customers[0]);
        AssertEveryMemberNull(list.Customers[1]);
        Assert.Equal("cust_1", list.Customers[2].Id);
        Assert.Equal(3, list.Total);
        Assert.True(list.HasMore);
        Assert.Equal("2022-08-30T06:32:07.380Z", list.AdditionalProperties["next_cursor"]);
    }

    [Fact]
    public async Task Activity_with_an_unknown_event_type_channel_and_payload_shape_is_read()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, "/v1/customers/cust_1/activity").RespondWithFixture(HttpStatusCode.OK, "Tolerance/activity-list-odd.json");

        var page = await t.Customers.ListCustomerActivityAsync("cust_1");

        Assert.Equal(4, page.Data!.Count);
        Assert.Null(page.Data[0]);
        AssertEveryMemberNull(page.Data[1]);
        var future = page.Data[2];
        Assert.Equal("customer.new_thing", future.Type);
        Assert.Equal(["free", "form", "3"], ((JArray)future.Data!.Data!).Select(item => item.ToString()));
        Assert.Equal("SATELLITE", future.Data.EventSource!.Channel);
        Assert.Null(future.Data.EventSource.User);
        AssertEveryMemberNull(future.Data.EventSource.ApiKey!);
        Assert.Equal("kiosk-7", future.Data.EventSource.AdditionalProperties["device"]);
        Assert.Equal(2L, future.AdditionalProperties["source_version"]);
        Assert.Equal(new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.FromHours(9)).AddTicks(1_234_567), future.CreatedAt);
        var nulls = page.Data[3];
        Assert.Null(nulls.Data!.Data);
        Assert.Null(nulls.Data.EventSource!.Channel);
        AssertEveryMemberNull(nulls.Data.EventSource.User!);
        Assert.False(page.HasMore);
        Assert.Null(page.MoreStartingAfter);
    }

    [Fact]
    public async Task Redeemables_with_unknown_roles_types_statuses_and_all_null_vouchers_are_read()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, "/v1/customers/cust_1/redeemables").RespondWithFixture(HttpStatusCode.OK, "Tolerance/redeemables-list-odd.json");

        var page = await t.Customers.ListCustomerRedeemablesAsync("cust_1");

        AssertEveryMemberNull(page.Data![0]);
        var future = page.Data[1];
        Assert.Equal("CO_OWNER", future.HolderRole);
        Assert.Equal("SUBSCRIPTION_PROGRAM", future.CampaignType);
        Assert.Equal("PREPAID_CARD", future.VoucherType);
        Assert.Equal("card", future.RedeemableObject);
        Assert.Equal("w_1", future.AdditionalProperties["wallet_id"]);
        Assert.Equal("PAUSED", future.Redeemable!.Status);
        Assert.Equal("card", future.Redeemable.Type);
        var voucher = future.Redeemable.Voucher!;
        Assert.Equal("PREPAID_CARD", voucher.Type);
        Assert.Null(voucher.Code);
        Assert.Null(voucher.Categories);
        Assert.Null(voucher.Active);
        Assert.Null(voucher.Redemption);
        Assert.Equal("APPLY_TO_ITEMS_V2", voucher.Gift!.Effect);
        Assert.Null(voucher.Gift.Balance);
        AssertEveryMemberNull(voucher.LoyaltyCard!);
        Assert.Equal("P1D", ((JObject)voucher.ValidityTimeframe!)["interval"]!.ToString());
        Assert.Equal("EAN13", voucher.AdditionalProperties["barcode_format"]);
    }

    [Fact]
    public async Task Segments_with_null_items_and_a_new_object_kind_are_read()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, "/v1/customers/cust_1/segments").RespondWithFixture(HttpStatusCode.OK, "Tolerance/segments-list-odd.json");

        var segments = await t.Customers.ListCustomerSegmentsAsync("cust_1");

        Assert.Null(segments.Data![0]);
        AssertEveryMemberNull(segments.Data[1]);
        Assert.Equal("segment_v2", segments.Data[2].Object);
        Assert.Equal("auto-update", segments.Data[2].AdditionalProperties["type"]);
        Assert.Equal("2026-01-01T00:00:00Z", segments.Data[2].AdditionalProperties["created_at"]);
    }

    [Fact]
    public async Task A_permanent_deletion_still_in_progress_with_new_counters_is_read()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Post, "/v1/customers/cust_1/permanent-deletion").RespondWithFixture(HttpStatusCode.OK, "Tolerance/permanent-deletion-odd.json");

        var deletion = await t.Customers.PermanentlyDeleteCustomerAsync("cust_1");

        Assert.Equal("IN_PROGRESS", deletion.Status);
        Assert.Equal("permanent_deletion", deletion.Object);
        Assert.Null(deletion.DataJson!.Events);
        Assert.Equal(28, deletion.DataJson.CustomerEvents);
        Assert.Equal(1, deletion.DataJson.Customer);
        Assert.Equal(4L, deletion.DataJson.AdditionalProperties["vouchers"]);
        Assert.Equal("user_1", deletion.AdditionalProperties["requested_by"]);
    }

    [Fact]
    public async Task An_async_action_of_an_unknown_type_and_status_is_read_and_not_finished()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, "/v1/async-actions/aa_future").RespondWithFixture(HttpStatusCode.OK, "Tolerance/async-action-odd.json");

        var action = await t.AsyncActions.GetAsyncActionAsync("aa_future");

        Assert.Equal("CUSTOMERS.NEW_JOB", action.Type);
        Assert.Equal("PAUSED", action.Status);
        Assert.Equal("PARTIAL", action.OperationStatus);
        Assert.Equal(50, action.Progress);
        Assert.Equal(1200, action.ProcessingTime);
        Assert.False(action.IsFinished);
        Assert.False(action.HasFailures);
        Assert.Equal("see the report", action.Result);
        Assert.Null(action.GetImportCsvResult());
        Assert.Null(action.GetBulkUpdateResult());
        Assert.Throws<VoucherifyApiException>(() => action.ReadResult<CustomersImportCsvResult>());
        Assert.Equal("user_1", ((JObject)action.AdditionalProperties["owner"])["id"]!.ToString());
    }

    [Fact]
    public async Task An_import_result_with_nulls_and_extra_members_is_read()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, "/v1/async-actions/aa_nulls").RespondWithFixture(HttpStatusCode.OK, "Tolerance/import-result-nulls.json");

        var result = (await t.AsyncActions.GetAsyncActionAsync("aa_nulls")).GetImportCsvResult()!;

        Assert.Null(result.Message);
        Assert.Null(result.DoneCount);
        Assert.Null(result.FailedCount);
        Assert.Null(result.Failed![0]);
        Assert.Null(result.Failed[1].Row);
        Assert.Equal("Email", result.Failed[1].AdditionalProperties["column"]);
        Assert.Equal(2L, result.AdditionalProperties["skipped_count"]);
    }

    [Fact]
    public async Task A_bulk_update_result_with_nulls_and_extra_members_is_read()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, "/v1/async-actions/aa_nulls").RespondWithFixture(HttpStatusCode.OK, "Tolerance/bulk-result-nulls.json");

        var action = await t.AsyncActions.GetAsyncActionAsync("aa_nulls");
        var result = action.GetBulkUpdateResult()!;

        Assert.True(action.HasFailures);
        Assert.Null(result.DoneCount);
        Assert.Null(result.ReportsAvailableTill);
        Assert.Equal(new string?[] { null, "https://download.voucherify.io/r.csv" }, result.Reports!.ToArray<string?>());
        Assert.Null(result.Errors![0]);
        AssertEveryMemberNull(result.Errors[1]);
    }

    private static async Task<Customer> GetCustomerFromFixtureAsync(string fixture)
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, "/v1/customers/cust_1").RespondWithFixture(HttpStatusCode.OK, "Tolerance/" + fixture);
        return await t.Customers.GetCustomerAsync("cust_1");
    }

    private static IEnumerable<string> JsonNames(Type type) =>
        type.GetProperties().Select(property => property.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName).OfType<string>();

    /// <summary>Every JSON member of the DTO is null and nothing landed in its additional properties.</summary>
    private static void AssertEveryMemberNull(object dto)
    {
        Assert.NotNull(dto);
        foreach (var property in dto.GetType().GetProperties().Where(property => property.IsDefined(typeof(JsonPropertyAttribute))))
            Assert.True(property.GetValue(dto) is null, $"{dto.GetType().Name}.{property.Name} should be null");
        var additional = (IDictionary<string, object>)dto.GetType().GetProperty("AdditionalProperties")!.GetValue(dto)!;
        Assert.Empty(additional);
    }
}
