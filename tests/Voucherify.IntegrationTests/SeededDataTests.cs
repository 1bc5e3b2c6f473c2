using Newtonsoft.Json.Linq;
using Voucherify.IntegrationTests.Infrastructure;
using Voucherify.Sandbox;

namespace Voucherify.IntegrationTests;

/// <summary>Seeded customers, segments, redeemables and activity, served through the real endpoints (responses spec-checked).</summary>
public sealed class SeededDataTests
{
    private static readonly string ExampleSeed = Path.Combine(AppContext.BaseDirectory, "Seeds", "example-seed.json");

    private static Task<VoucherifySandbox> StartSeededAsync() =>
        VoucherifySandbox.StartAsync(new VoucherifySandboxOptions { Seed = SandboxSeed.Load(ExampleSeed) });

    [Fact]
    public async Task Seeded_customers_are_served_as_given_with_generated_ids_and_a_new_customers_defaults()
    {
        await using var sandbox = await StartSeededAsync();
        using var client = sandbox.CheckedClient();

        var alice = await client.Customers.GetCustomerAsync("crm-alice");
        var carol = await client.Customers.GetCustomerAsync("crm-carol");
        var list = await client.Customers.ListCustomersAsync(order: CustomerListOrder.CreatedAt);

        Assert.StartsWith("cust_", alice.Id);
        Assert.Equal(("Alice Morgan", "alice@example.com", "Warsaw"), (alice.Name, alice.Email, alice.Address!.City));
        Assert.Equal("gold", alice.Metadata!["tier"]);
        Assert.Equal(DateTimeOffset.Parse("2024-01-10T09:00:00Z"), alice.CreatedAt);
        Assert.Equal(0, alice.Summary!.Orders!.TotalCount);
        Assert.Equal("customer", alice.Object);
        Assert.NotNull(carol.CreatedAt); // generated at load time
        Assert.Equal(3, list.Total);
        Assert.Equal(["crm-alice", "crm-bob", "crm-carol"], list.Customers!.Select(c => c.SourceId));
        Assert.Equal(alice.Id, (await client.Customers.GetCustomerAsync(alice.Id!)).Id);
    }

    [Fact]
    public async Task Segments_are_served_per_customer_and_filter_the_customer_list()
    {
        await using var sandbox = await StartSeededAsync();
        using var client = sandbox.CheckedClient();

        var bobs = await client.Customers.ListCustomerSegmentsAsync("crm-bob");
        var carols = await client.Customers.ListCustomerSegmentsAsync("crm-carol");
        var vips = await client.Customers.ListCustomersAsync(segmentId: "seg_vip", order: CustomerListOrder.SourceId);
        var berliners = await client.Customers.ListCustomersAsync(segmentId: "seg_berlin");

        Assert.Equal(2, bobs.Total);
        Assert.Equal([("seg_vip", "VIP customers", "segment"), ("seg_berlin", "Berlin", "segment")], bobs.Data!.Select(s => (s.Id, s.Name, s.Object)));
        Assert.Equal(0, carols.Total);
        Assert.Equal(["crm-alice", "crm-bob"], vips.Customers!.Select(c => c.SourceId));
        Assert.Equal(["crm-bob"], berliners.Customers!.Select(c => c.SourceId));
    }

    [Fact]
    public async Task Redeemables_page_with_the_id_cursor_in_both_orders()
    {
        await using var sandbox = await StartSeededAsync();
        using var client = sandbox.CheckedClient();

        var first = await client.Customers.ListCustomerRedeemablesAsync("crm-alice", limit: 2, order: CustomerRedeemableListOrder.Id);
        var second = await client.Customers.ListCustomerRedeemablesAsync("crm-alice", limit: 2, order: CustomerRedeemableListOrder.Id, startingAfterId: first.MoreStartingAfter);
        var descending = await client.Customers.ListCustomerRedeemablesAsync("crm-alice", order: CustomerRedeemableListOrder.IdDescending);
        var asGiven = await client.Customers.ListCustomerRedeemablesAsync("crm-alice");

        Assert.Equal((3, true, "rh_alice_loyalty"), (first.Total, first.HasMore, first.MoreStartingAfter));
        Assert.Equal(["rh_alice_gift", "rh_alice_loyalty"], first.Data!.Select(r => r.Id));
        Assert.Equal((false, null), (second.HasMore, second.MoreStartingAfter));
        Assert.Equal(["rh_alice_referral"], second.Data!.Select(r => r.Id));
        Assert.Equal(["rh_alice_referral", "rh_alice_loyalty", "rh_alice_gift"], descending.Data!.Select(r => r.Id));
        Assert.Equal(["rh_alice_loyalty", "rh_alice_gift", "rh_alice_referral"], asGiven.Data!.Select(r => r.Id));
        var alice = await client.Customers.GetCustomerAsync("crm-alice");
        Assert.All(asGiven.Data!, r => Assert.Equal(alice.Id, r.CustomerId));
        Assert.Equal(3500, asGiven.Data![1].Redeemable!.Voucher!.Gift!.Balance);
    }

    [Fact]
    public async Task Redeemables_filters_combine_conditions_by_field_and_fields_by_the_junction()
    {
        await using var sandbox = await StartSeededAsync();
        using var client = sandbox.CheckedClient();

        async Task<IEnumerable<string?>> Ids(CustomerRedeemableFilter filter) =>
            (await client.Customers.ListCustomerRedeemablesAsync("crm-alice", new CustomerRedeemableListOptions { Filter = filter })).Data!.Select(r => r.Id);

        var owned = await Ids(new CustomerRedeemableFilter { HolderRole = new StringFilterConditions { In = { "OWNER" } } });
        var ownedCards = await Ids(new CustomerRedeemableFilter
        {
            HolderRole = new StringFilterConditions { Is = "OWNER" },
            VoucherType = new StringFilterConditions { IsNot = "GIFT_VOUCHER" },
        });
        var giftsOrReferrals = await Ids(new CustomerRedeemableFilter
        {
            VoucherType = new StringFilterConditions { Is = "GIFT_VOUCHER" },
            HolderRole = new StringFilterConditions { Is = "REFERRER" },
            Junction = FilterJunction.Or,
        });
        var since = await Ids(new CustomerRedeemableFilter { CreatedAt = new DateTimeFilterConditions { After = DateTimeOffset.Parse("2024-01-20T00:00:00Z") } });
        var prefixed = await Ids(new CustomerRedeemableFilter { CampaignId = new StringFilterConditions { StartsWith = "camp_l" } });

        Assert.Equal(["rh_alice_loyalty", "rh_alice_gift"], owned);
        Assert.Equal(["rh_alice_loyalty"], ownedCards);
        Assert.Equal(["rh_alice_gift", "rh_alice_referral"], giftsOrReferrals);
        Assert.Equal(["rh_alice_gift", "rh_alice_referral"], since);
        Assert.Equal(["rh_alice_loyalty"], prefixed);
    }

    [Fact]
    public async Task An_unknown_redeemables_filter_is_a_400()
    {
        await using var sandbox = await StartSeededAsync();
        using var http = sandbox.RawHttpClient();

        using var response = await http.GetAsync("v1/customers/crm-alice/redeemables?filters[colour][conditions][$is]=red");

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("filters[colour][conditions][$is]", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Seeded_activity_is_served_by_time_with_every_filter_and_new_events_follow_it()
    {
        await using var sandbox = await StartSeededAsync();
        using var client = sandbox.CheckedClient();
        await client.Customers.UpdateCustomerAsync("crm-alice", new CustomerUpdateOptions { Phone = "+48 600 000 000" });

        async Task<IEnumerable<string?>> Types(Task<CustomerActivityList> request) => (await request).Data!.Select(e => e.Type);
        var all = await client.Customers.ListCustomerActivityAsync("crm-alice", order: CustomerActivityListOrder.CreatedAt);

        Assert.Equal(["customer.order.paid", "customer.voucher.redeemed", "customer.rewarded.loyalty_points", "customer.updated"], all.Data!.Select(e => e.Type));
        Assert.All(all.Data!, e => Assert.StartsWith("evcus_", e.Id));
        Assert.Equal(12000, ((JObject)all.Data![0].Data!.Data!)["order"]!["amount"]!.Value<int>());
        Assert.Equal(["customer.voucher.redeemed"], await Types(client.Customers.ListCustomerActivityAsync("crm-alice", campaignId: "camp_gifts")));
        Assert.Equal(["customer.rewarded.loyalty_points"], await Types(client.Customers.ListCustomerActivityAsync("crm-alice", campaignType: CampaignType.LoyaltyProgram)));
        Assert.Equal(["customer.rewarded.loyalty_points"], await Types(client.Customers.ListCustomerActivityAsync("crm-alice", category: CustomerActivityCategory.Effect)));
        Assert.Equal(["customer.updated", "customer.voucher.redeemed", "customer.order.paid"], await Types(client.Customers.ListCustomerActivityAsync("crm-alice", category: CustomerActivityCategory.Action)));
        Assert.Equal(["customer.order.paid"], await Types(client.Customers.ListCustomerActivityAsync("crm-alice", type: "customer.order.paid")));
        Assert.Equal(["customer.voucher.redeemed", "customer.order.paid"], await Types(client.Customers.ListCustomerActivityAsync("crm-alice",
            startDate: DateTimeOffset.Parse("2024-02-03T15:00:00Z"), endDate: DateTimeOffset.Parse("2024-02-03T15:00:01Z"))));
    }

    [Fact]
    public async Task A_typed_seed_fills_in_ids_and_timestamps_and_writes_every_instant_in_utc()
    {
        var seed = new SandboxSeed();
        seed.Customers.Add(new SeedCustomer(new Customer
        {
            SourceId = "crm-1",
            Name = "Typed",
            CreatedAt = DateTimeOffset.Parse("2024-05-01T12:00:00+02:00"),
        })
        {
            Segments = { new CustomerSegment { Name = "Newsletter" } },
            Redeemables = { new CustomerRedeemable { RedeemableId = "v_1", VoucherType = "DISCOUNT_VOUCHER", HolderRole = "OWNER" } },
            Activity = { new CustomerActivity { Type = "customer.order.created" } },
        });
        await using var sandbox = await VoucherifySandbox.StartAsync(new VoucherifySandboxOptions { Seed = seed });
        using var client = sandbox.CheckedClient();
        using var http = sandbox.RawHttpClient();

        var rawText = await http.GetStringAsync("v1/customers/crm-1");
        var raw = JObject.Parse(rawText);
        var segment = (await client.Customers.ListCustomerSegmentsAsync("crm-1")).Data!.Single();
        var redeemable = (await client.Customers.ListCustomerRedeemablesAsync("crm-1")).Data!.Single();
        var activity = (await client.Customers.ListCustomerActivityAsync("crm-1")).Data!.Single();

        Assert.Contains("\"created_at\":\"2024-05-01T10:00:00.000000Z\"", rawText);
        Assert.StartsWith("seg_", segment.Id);
        Assert.Equal("segment", segment.Object);
        Assert.StartsWith("rh_", redeemable.Id);
        Assert.Equal(raw.Value<string>("id"), redeemable.CustomerId);
        Assert.NotNull(redeemable.CreatedAt);
        Assert.StartsWith("evcus_", activity.Id);
        Assert.StartsWith("v-", activity.GroupId);
        Assert.Null(seed.Customers[0].Segments[0].Id); // the caller's objects are left as they were
    }

    [Fact]
    public async Task A_seed_added_to_a_running_sandbox_loads_whole_or_not_at_all()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();
        await client.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "taken" });
        var seed = SandboxSeed.Parse("""{"customers":[{"source_id":"fresh"},{"source_id":"taken"}]}""");

        var error = Assert.Throws<SandboxSeedException>(() => sandbox.Seed(seed));
        var after = await client.Customers.ListCustomersAsync();
        sandbox.Seed(SandboxSeed.Parse("""{"customers":[{"source_id":"fresh"}]}"""));

        Assert.Equal(("seed", "$.customers[1].source_id"), (error.Origin, error.JsonPath));
        Assert.Contains("already has the source_id taken", error.Reason);
        Assert.Equal(["taken"], after.Customers!.Select(c => c.SourceId));
        Assert.Equal("fresh", (await client.Customers.GetCustomerAsync("fresh")).SourceId);
    }

    [Theory]
    [InlineData("""{"customers":[{"source_id":"a"},{"source_id":"b","created_at":"yesterday"}]}""", "$.customers[1].created_at")]
    [InlineData("""{"customers":[{"source_id":"a","segments":[{"id":"seg_1"}]}]}""", "$.customers[0].segments[0].name")]
    [InlineData("""{"customers":[{"source_id":"a","activity":[{"id":"evcus_1"}]}]}""", "$.customers[0].activity[0].type")]
    [InlineData("""{"customers":[{"source_id":"a","redeemables":{}}]}""", "$.customers[0].redeemables")]
    [InlineData("""{"customers":[{"id":"cust_1"},{"id":"cust_1"}]}""", "$.customers[1].id")]
    [InlineData("""{"customers":[{"source_id":"a"}],"vouchers":[]}""", "$.vouchers")]
    [InlineData("""{"customers":[{"source_id":"a",}""", "$.customers[0]")]
    [InlineData("""[]""", "$")]
    public async Task A_malformed_seed_file_stops_the_start_naming_the_file_and_the_json_path(string json, string jsonPath)
    {
        var file = Path.Combine(Path.GetTempPath(), $"seed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json);
        try
        {
            var error = await Assert.ThrowsAsync<SandboxSeedException>(async () =>
                await VoucherifySandbox.StartAsync(new VoucherifySandboxOptions { Seed = SandboxSeed.Load(file) }));

            Assert.Equal((file, jsonPath), (error.Origin, error.JsonPath));
            Assert.StartsWith($"{file}: {jsonPath}: ", error.Message);
            Assert.DoesNotContain("System.", error.Reason);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
