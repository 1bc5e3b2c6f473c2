using Newtonsoft.Json.Linq;

namespace Voucherify.Tests;

/// <summary>create-customer, get-customer, update-customer, delete-customer and customer-permanently-deletion.</summary>
public class CustomersCrudTests
{
    [Fact]
    public async Task Create_posts_every_set_member_in_wire_form_and_reads_the_created_customer()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Post, "/v1/customers").RespondWithFixture(HttpStatusCode.OK, "Customers/customer-created.json");

        var customer = await t.Customers.CreateCustomerAsync(new CustomerCreateOptions
        {
            SourceId = "source_123",
            Name = "Bob Smith",
            Description = "A frequent customer",
            Email = "bob.smith@email.com",
            Phone = "+1 933 222 3333",
            Birthdate = new DateTime(2022, 1, 1),
            Address = Samples.NewYorkAddress(),
            Metadata = Samples.LanguageMetadata(),
        });

        t.Handler.VerifyNoOutstandingExpectation();
        t.SingleSignedRequest().AssertJsonBody($$"""
            {
              "source_id": "source_123",
              "name": "Bob Smith",
              "description": "A frequent customer",
              "email": "bob.smith@email.com",
              "phone": "+1 933 222 3333",
              "birthdate": "2022-01-01",
              "address": {{Samples.NewYorkAddressJson}},
              "metadata": {{Samples.LanguageMetadataJson}}
            }
            """);

        Assert.Equal("cust_CSnYd37MXmrbS19XCrghjBsv", customer.Id);
        Assert.Equal("source_123", customer.SourceId);
        Assert.Equal("customer", customer.Object);
        Assert.Equal(new DateTime(2022, 1, 1), customer.Birthdate);
        Assert.Equal("APT 3 BLG 4", customer.Address!.Line2);
        Assert.Equal("10001", customer.Address.PostalCode);
        Assert.Equal(new DateTimeOffset(2022, 8, 30, 6, 32, 7, 380, TimeSpan.Zero), customer.CreatedAt);
        Assert.Null(customer.UpdatedAt);
        Assert.Equal(0, customer.Summary!.Orders!.TotalAmount);
        Assert.Null(customer.Summary.Orders.LastOrderDate);
        Assert.Equal(0, customer.Summary.Redemptions!.LoyaltyCard!.PointsToGo);
        Assert.Empty(customer.Loyalty!.Campaigns!);
        Assert.Equal(0, customer.Referrals!.Total);
        Assert.Empty(customer.Referrals.Campaigns!);
        Assert.Equal("en", customer.Metadata!["lang"]);
        Assert.Equal(true, customer.Metadata["test"]);
        Assert.Empty(customer.SystemMetadata!);
        Assert.Empty(customer.AdditionalProperties);
    }

    [Fact]
    public async Task Create_leaves_unset_members_out_of_the_body_instead_of_sending_nulls()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Post, "/v1/customers").RespondWithFixture(HttpStatusCode.OK, "Customers/customer-created.json");

        await t.Customers.CreateCustomerAsync(new CustomerCreateOptions
        {
            SourceId = "source_123",
            Address = new CustomerAddress { City = "New York" },
        });

        t.SingleSignedRequest().AssertJsonBody("""{ "source_id": "source_123", "address": { "city": "New York" } }""");
    }

    [Fact]
    public async Task Create_sends_metadata_values_of_every_json_type_unchanged()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Post, "/v1/customers").RespondWithFixture(HttpStatusCode.OK, "Customers/customer-created.json");

        await t.Customers.CreateCustomerAsync(new CustomerCreateOptions
        {
            Id = "cust_CSnYd37MXmrbS19XCrghjBsv",
            Metadata = new Dictionary<string, object>
            {
                ["visits"] = 12,
                ["score"] = 4.5,
                ["since"] = "2021-05-01T10:00:00+02:00",
                ["tags"] = new[] { "vip", "newsletter" },
                ["nested"] = new Dictionary<string, object> { ["level"] = 2 },
                ["cleared"] = null!,
            },
        });

        t.SingleSignedRequest().AssertJsonBody("""
            {
              "id": "cust_CSnYd37MXmrbS19XCrghjBsv",
              "metadata": {
                "visits": 12, "score": 4.5, "since": "2021-05-01T10:00:00+02:00",
                "tags": ["vip", "newsletter"], "nested": { "level": 2 }, "cleared": null
              }
            }
            """);
    }

    [Fact]
    public async Task Get_reads_the_customer_with_its_summaries_loyalty_and_referrals()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, "/v1/customers/cust_T849EgzNVVmn5icJ2FAkT2rO").RespondWithFixture(HttpStatusCode.OK, "Customers/customer-alice.json");

        var customer = await t.Customers.GetCustomerAsync("cust_T849EgzNVVmn5icJ2FAkT2rO");

        t.Handler.VerifyNoOutstandingExpectation();
        var request = t.SingleSignedRequest();
        Assert.Empty(request.Body);
        Assert.Equal("cust_T849EgzNVVmn5icJ2FAkT2rO", customer.Id);
        Assert.Equal("alice.morgan@email.com", customer.SourceId);
        Assert.Equal("Alice Morgan", customer.Name);
        Assert.Null(customer.Address);
        Assert.Null(customer.Birthdate);
        Assert.Null(customer.Metadata);

        var orders = customer.Summary!.Orders!;
        Assert.Equal(203900, orders.TotalAmount);
        Assert.Equal(2, orders.TotalCount);
        Assert.Equal(101950, orders.AverageAmount);
        Assert.Equal(3900, orders.LastOrderAmount);
        Assert.Equal(new DateTimeOffset(2022, 7, 26, 14, 59, 52, 814, TimeSpan.Zero), orders.LastOrderDate);
        var redemptions = customer.Summary.Redemptions!;
        Assert.Equal(2, redemptions.TotalRedeemed);
        Assert.Equal(2, redemptions.TotalSucceeded);
        Assert.Equal(0, redemptions.TotalRollbackFailed);
        Assert.Equal(0, redemptions.Gift!.AmountToGo);
        Assert.Equal(3303, redemptions.LoyaltyCard!.PointsToGo);

        Assert.Equal(3303, customer.Loyalty!.Points);
        var summer = Assert.Single(customer.Loyalty.Campaigns!);
        Assert.Equal("Summer Campaign", summer.Key);
        Assert.Equal(3303, summer.Value.Points);
        Assert.Equal(0, summer.Value.ReferredCustomers);
        Assert.Null(summer.Value.LoyaltyTier);

        Assert.Equal(0, customer.Referrals!.Total);
        Assert.Empty(customer.Referrals.Campaigns!);
        Assert.Equal("https://cockpit.example.invalid/alice", customer.Assets!.CockpitUrl);
        Assert.Null(customer.Assets.CockpitPreferenceCenterUrl);
        Assert.Equal(new DateTimeOffset(2022, 2, 7, 8, 28, 23, 644, TimeSpan.Zero), customer.CreatedAt);
        Assert.Equal(new DateTimeOffset(2022, 7, 26, 14, 59, 59, 806, TimeSpan.Zero), customer.UpdatedAt);
    }

    [Fact]
    public async Task Get_by_source_id_escapes_the_e_mail_into_one_path_segment()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, "/v1/customers/alice.morgan%40email.com").RespondWithFixture(HttpStatusCode.OK, "Customers/customer-alice.json");

        var customer = await t.Customers.GetCustomerAsync("alice.morgan@email.com");

        t.Handler.VerifyNoOutstandingExpectation();
        Assert.Equal("/v1/customers/alice.morgan%40email.com", t.SingleSignedRequest().Uri.AbsolutePath);
        Assert.Equal("alice.morgan@email.com", customer.SourceId);
    }

    [Fact]
    public async Task Update_puts_the_changed_members_and_reads_the_updated_customer()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Put, "/v1/customers/cust_T849EgzNVVmn5icJ2FAkT2rO").RespondWithFixture(HttpStatusCode.OK, "Customers/customer-updated.json");

#pragma warning disable CS0612 // Birthday is deprecated by the API but still accepted; the body must carry it when set.
        var customer = await t.Customers.UpdateCustomerAsync("cust_T849EgzNVVmn5icJ2FAkT2rO", new CustomerUpdateOptions
        {
            Name = "Alice McDonald",
            Email = "alice.mdconald@email.com",
            Description = "Updating customer data",
            Phone = "+1 (132) 222-2222",
            Address = Samples.NewYorkAddress(),
            Metadata = Samples.LanguageMetadata(),
            Birthdate = new DateTime(2022, 1, 1),
            Birthday = new DateTime(2022, 1, 2),
        });

        t.Handler.VerifyNoOutstandingExpectation();
        t.SingleSignedRequest().AssertJsonBody($$"""
            {
              "name": "Alice McDonald",
              "email": "alice.mdconald@email.com",
              "description": "Updating customer data",
              "phone": "+1 (132) 222-2222",
              "address": {{Samples.NewYorkAddressJson}},
              "metadata": {{Samples.LanguageMetadataJson}},
              "birthdate": "2022-01-01",
              "birthday": "2022-01-02"
            }
            """);

        Assert.Equal(new DateTime(2022, 1, 2), customer.Birthday);
#pragma warning restore CS0612
        Assert.Equal(new DateTime(2022, 1, 1), customer.Birthdate);
        Assert.Equal("alice@morgan.com", customer.SourceId);
        Assert.Equal("Alice McDonald", customer.Name);
        Assert.Equal("+1 (132) 222-2222", customer.Phone);
        Assert.Equal(new DateTimeOffset(2022, 7, 26, 16, 59, 52, 800, TimeSpan.FromHours(2)), customer.Summary!.Orders!.LastOrderDate);
        Assert.Equal(TimeSpan.FromHours(2), customer.Summary.Orders.LastOrderDate!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2022, 8, 31, 9, 58, 30, TimeSpan.Zero).AddTicks(4759120), customer.UpdatedAt);
        Assert.Equal(3403, customer.Loyalty!.Points);
        Assert.Equal(["Summer Campaign", "Spring Campaign", "Fall Campaign", "Winter Campaign"], customer.Loyalty.Campaigns!.Keys);
        Assert.Equal(50, customer.Loyalty.Campaigns["Fall Campaign"].Points);
        Assert.Equal(3303, customer.Loyalty.Campaigns["Winter Campaign"].Points);
        Assert.Equal("ltr_gold_4a2", customer.Loyalty.Campaigns["Winter Campaign"].LoyaltyTier);
        Assert.Equal(4428, customer.Summary.Redemptions!.LoyaltyCard!.PointsToGo);
    }

    [Fact]
    public async Task Update_with_only_a_name_sends_only_the_name()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Put, "/v1/customers/alice%40morgan.com").RespondWithFixture(HttpStatusCode.OK, "Customers/customer-updated.json");

        await t.Customers.UpdateCustomerAsync("alice@morgan.com", new CustomerUpdateOptions { Name = "Alice McDonald" });

        t.Handler.VerifyNoOutstandingExpectation();
        t.SingleSignedRequest().AssertJsonBody("""{ "name": "Alice McDonald" }""");
    }

    [Fact]
    public async Task Delete_sends_a_bodiless_delete_and_accepts_the_empty_204()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Delete, "/v1/customers/cust_7pm0hh0yemiydeFsdYXZlr1").Respond(HttpStatusCode.NoContent);

        await t.Customers.DeleteCustomerAsync("cust_7pm0hh0yemiydeFsdYXZlr1");

        t.Handler.VerifyNoOutstandingExpectation();
        var request = t.SingleSignedRequest();
        Assert.Empty(request.Body);
        Assert.Null(request.Header("Content-Type"));
    }

    [Fact]
    public async Task Delete_of_an_unknown_customer_reports_the_404()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Delete, "/v1/customers/cust_sehkNIi8Uq2qQuRqSr7xn4Z").RespondWithFixture(HttpStatusCode.NotFound, "Errors/not-found.json");

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => t.Customers.DeleteCustomerAsync("cust_sehkNIi8Uq2qQuRqSr7xn4Z"));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("cust_sehkNIi8Uq2qQuRqSr7xn4Z", error.ResourceId);
    }

    [Fact]
    public async Task Permanent_deletion_posts_an_empty_body_and_reads_what_was_removed()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Post, "/v1/customers/cust_XI8sPLvznzVpNI1BMIWGcUJa/permanent-deletion")
            .RespondWithFixture(HttpStatusCode.OK, "Customers/permanent-deletion.json");

        var deletion = await t.Customers.PermanentlyDeleteCustomerAsync("cust_XI8sPLvznzVpNI1BMIWGcUJa");

        t.Handler.VerifyNoOutstandingExpectation();
        Assert.Empty(t.SingleSignedRequest().Body);
        Assert.Equal("del_7k3buMvBsJuXiLRmdh1WZvZs", deletion.Id);
        Assert.Equal("pernament_deletion", deletion.Object);
        Assert.Equal("customer", deletion.RelatedObject);
        Assert.Equal("cust_XI8sPLvznzVpNI1BMIWGcUJa", deletion.RelatedObjectId);
        Assert.Equal("DONE", deletion.Status);
        Assert.Equal(new DateTimeOffset(2022, 9, 2, 17, 50, 29, 302, TimeSpan.Zero), deletion.CreatedAt);
        var counts = deletion.DataJson!;
        Assert.Equal(
            new int?[] { 16, 28, 0, 0, 9, 5, 1 },
            new[] { counts.Events, counts.CustomerEvents, counts.DailyEvents, counts.Segments, counts.Orders, counts.OrderEvents, counts.Customer });
    }

    [Fact]
    public async Task Metadata_read_from_a_response_keeps_json_types_and_date_like_strings()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, "/v1/customers/cust_1").RespondWithJson(HttpStatusCode.OK, """
            { "id": "cust_1", "metadata": { "lang": "en", "visits": 12, "ratio": 0.25, "vip": false, "since": "2021-05-01T10:00:00+02:00",
                                           "tags": ["a", "b"], "prefs": { "sms": true }, "gone": null } }
            """);

        var metadata = (await t.Customers.GetCustomerAsync("cust_1")).Metadata!;

        Assert.Equal("en", metadata["lang"]);
        Assert.Equal(12L, metadata["visits"]);
        Assert.Equal(0.25, metadata["ratio"]);
        Assert.Equal(false, metadata["vip"]);
        Assert.Equal("2021-05-01T10:00:00+02:00", metadata["since"]);
        Assert.Equal(["a", "b"], ((JArray)metadata["tags"]).Select(tag => (string)tag!));
        Assert.True((bool)((JObject)metadata["prefs"])["sms"]!);
        Assert.Null(metadata["gone"]);
    }
}
