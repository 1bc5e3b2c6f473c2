using System.Text;
using Voucherify.ContractTests.Filters;
using Voucherify.ContractTests.Infrastructure;

// The deprecated `birthday` is still part of the contract, so it is sent here on purpose.
#pragma warning disable CS0612

namespace Voucherify.ContractTests.Requests;

/// <summary>
/// Every operation, called through the public client with every parameter it has, against Prism serving the vendor's
/// description: Prism must accept the request, and the vendor's example answer must come back with its key fields read.
/// </summary>
[Collection(PrismCollection.Name)]
public sealed class OperationContractTests(PrismFixture prism) : IDisposable
{
    private static readonly DateTimeOffset Instant = new(2024, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);
    private VoucherifyClient? _client;

    private VoucherifyClient Client
    {
        get
        {
            Skip.If(prism.SkipReason != null, prism.SkipReason);
            return _client ??= prism.CreateClient();
        }
    }

    [SkippableFact]
    public async Task ListCustomers_with_every_filter_order_and_cursor_is_accepted_and_reads_the_example_page()
    {
        var page = await Client.Customers.ListCustomersAsync(
            limit: 100, page: 99, email: "bob.smith@email.com", city: "New York", name: "Bob Smith", segmentId: "seg_DNAOhUtJffvX0f57ajLMFBYR",
            createdAtBefore: Instant, createdAtAfter: Instant.AddDays(-30), updatedAtBefore: Instant, updatedAtAfter: Instant.AddDays(-7),
            order: CustomerListOrder.CreatedAtDescending, startingAfter: Instant);

        Assert.Equal("list", page.Object);
        Assert.Equal("customers", page.DataRef);
        Assert.Equal(["cust_CSnYd37MXmrbS19XCrghjBsv", "cust_X0hU04x7FeisPnD5lctZcQkI"], page.Customers!.Select(c => c.Id));
        var customer = page.Customers![0];
        Assert.Equal("source_123", customer.SourceId);
        Assert.Equal("New York", customer.Address?.City);
        Assert.NotNull(customer.Summary?.Redemptions?.TotalRedeemed);
        Assert.Equal(2, page.Total);
    }

    [SkippableTheory]
    [InlineData(CustomerListOrder.CreatedAt)]
    [InlineData(CustomerListOrder.UpdatedAt)]
    [InlineData(CustomerListOrder.UpdatedAtDescending)]
    [InlineData(CustomerListOrder.SourceId)]
    [InlineData(CustomerListOrder.SourceIdDescending)]
    public async Task ListCustomers_accepts_every_order(CustomerListOrder order)
    {
        var page = await Client.Customers.ListCustomersAsync(order: order);
        Assert.Equal("list", page.Object);
    }

    [SkippableFact]
    public async Task CreateCustomer_with_a_full_body_is_accepted_and_reads_the_created_customer()
    {
        var created = await Client.Customers.CreateCustomerAsync(new CustomerCreateOptions
        {
            SourceId = "source_123",
            Name = "Bob Smith",
            Description = "A frequent customer",
            Email = "bob.smith@email.com",
            Phone = "+1 933 222 3333",
            Birthdate = new DateTime(2022, 1, 1),
            Address = VendorExampleAddress(),
            Metadata = new Dictionary<string, object> { ["age"] = 23, ["favorite_brands"] = new[] { "Armani", "L’Autre Chose" }, ["has_pets"] = true },
        });

        Assert.Equal("cust_CSnYd37MXmrbS19XCrghjBsv", created.Id);
        Assert.Equal("source_123", created.SourceId);
        Assert.Equal("customer", created.Object);
        Assert.Equal(new DateTime(2022, 1, 1), created.Birthdate);
        Assert.Equal("10001", created.Address?.PostalCode);
        Assert.NotNull(created.CreatedAt);
    }

    [SkippableFact]
    public async Task CreateCustomer_by_voucherify_id_is_accepted()
    {
        var created = await Client.Customers.CreateCustomerAsync(new CustomerCreateOptions { Id = "cust_CSnYd37MXmrbS19XCrghjBsv", Birthday = new DateTime(1990, 5, 17) });
        Assert.Equal("cust_CSnYd37MXmrbS19XCrghjBsv", created.Id);
    }

    [SkippableFact]
    public async Task GetCustomer_reads_summaries_and_a_null_address()
    {
        var customer = await Client.Customers.GetCustomerAsync("cust_T849EgzNVVmn5icJ2FAkT2rO");

        Assert.Equal("cust_T849EgzNVVmn5icJ2FAkT2rO", customer.Id);
        Assert.Equal("Alice Morgan", customer.Name);
        Assert.Null(customer.Address);
        Assert.Equal(203900, customer.Summary?.Orders?.TotalAmount);
        Assert.Equal(2, customer.Summary?.Redemptions?.TotalRedeemed);
        Assert.NotNull(customer.Loyalty);
        Assert.NotNull(customer.Referrals);
    }

    [SkippableFact]
    public async Task UpdateCustomer_with_a_full_body_is_accepted_and_reads_the_updated_customer()
    {
        var updated = await Client.Customers.UpdateCustomerAsync("alice@morgan.com", new CustomerUpdateOptions
        {
            Name = "Alice McDonald",
            Description = "Updating customer data",
            Email = "alice.mdconald@email.com",
            Phone = "+1 (132) 222-2222",
            Birthday = new DateTime(2022, 1, 2),
            Birthdate = new DateTime(2022, 1, 1),
            Address = VendorExampleAddress(),
            Metadata = new Dictionary<string, object> { ["is_vip"] = true },
        });

        Assert.Equal("cust_T849EgzNVVmn5icJ2FAkT2rO", updated.Id);
        Assert.Equal("Alice McDonald", updated.Name);
        Assert.Equal(new DateTime(2022, 1, 2), updated.Birthday);
        Assert.Equal("New York", updated.Address?.City);
    }

    [SkippableFact]
    public async Task DeleteCustomer_is_accepted_with_its_empty_204()
    {
        // Awaited directly: wrapping the call in Record.ExceptionAsync would also capture the Skip thrown by the
        // Client getter, turning a skip into a failure on a machine without the vendor's description.
        await Client.Customers.DeleteCustomerAsync("cust_T849EgzNVVmn5icJ2FAkT2rO");
    }

    [SkippableFact]
    public async Task CustomerPermanentlyDeletion_reads_what_was_removed()
    {
        var deletion = await Client.Customers.PermanentlyDeleteCustomerAsync("cust_XI8sPLvznzVpNI1BMIWGcUJa");

        Assert.Equal("del_7k3buMvBsJuXiLRmdh1WZvZs", deletion.Id);
        Assert.Equal("cust_XI8sPLvznzVpNI1BMIWGcUJa", deletion.RelatedObjectId);
        Assert.Equal("DONE", deletion.Status);
        Assert.Equal("pernament_deletion", deletion.Object);
        Assert.Equal(16, deletion.DataJson?.Events);
    }

    [SkippableFact]
    public async Task ImportCustomersUsingCsv_uploads_a_multipart_file_prism_accepts()
    {
        var csv = "Source_id,Name,Email,Phone,Birthdate,Address_line_1,Address_City,Address_Country,Description,tier\n"
                + "crm-0001,Alice Morgan,alice@example.com,+48 600 000 000,1990-05-17,1 Main St,Warsaw,PL,\"Likes \"\"quotes\"\"\",gold\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));

        var started = await Client.Customers.ImportCustomersFromCsvAsync(stream, "customers.csv");

        Assert.Equal("aa_0a875d56c805df6601", started.AsyncActionId);
    }

    [SkippableFact]
    public async Task ListCustomerActivity_with_every_filter_is_accepted_and_reads_the_generated_page()
    {
        var activity = await Client.Customers.ListCustomerActivityAsync("cust_T849EgzNVVmn5icJ2FAkT2rO",
            limit: 50, order: CustomerActivityListOrder.CreatedAtDescending, startingAfterId: "evcus_0c150c51730c6b60b1",
            startDate: Instant.AddDays(-30), endDate: Instant, campaignId: "camp_weer1c3p5ZgktqfW56RfoNaG",
            campaignType: CampaignType.LoyaltyProgram, category: CustomerActivityCategory.Effect, type: "customer.rewarded.loyalty_points");

        Assert.Equal("list", activity.Object);
        Assert.NotNull(activity.Data);
        Assert.NotNull(activity.HasMore);
    }

    [SkippableTheory]
    [InlineData(CampaignType.Promotion, CustomerActivityCategory.Action)]
    [InlineData(CampaignType.GiftVouchers, CustomerActivityCategory.Effect)]
    [InlineData(CampaignType.ReferralProgram, CustomerActivityCategory.Action)]
    [InlineData(CampaignType.DiscountCoupons, CustomerActivityCategory.Effect)]
    public async Task ListCustomerActivity_accepts_every_campaign_type_and_category(CampaignType campaignType, CustomerActivityCategory category)
    {
        var activity = await Client.Customers.ListCustomerActivityAsync("cust_1", order: CustomerActivityListOrder.CreatedAt, campaignType: campaignType, category: category);
        Assert.Equal("list", activity.Object);
    }

    [SkippableFact]
    public async Task ListCustomerRedeemables_with_paging_and_filters_is_accepted_and_reads_the_example_page()
    {
        var page = await Client.Customers.ListCustomerRedeemablesAsync("cust_p1ufreYbVbwZ1x70nFkH9rF9", new CustomerRedeemableListOptions
        {
            PageSize = 10,
            Order = CustomerRedeemableListOrder.IdDescending,
            StartingAfterId = "rh_0e7b8db4700106a852",
            Filter = RedeemablesFilters.EveryCondition,
        });

        Assert.Equal("list", page.Object);
        Assert.Equal("data", page.DataRef);
        var held = page.Data![0];
        Assert.Equal("rh_0e7b8db4700106a852", held.Id);
        Assert.Equal("OWNER", held.HolderRole);
        Assert.Equal("voucher", held.RedeemableObject);
        Assert.Equal("v_GXVguPhq2khgFxH7GrRXWA91gDr1LiA1", held.Redeemable?.Voucher?.Id);
        Assert.NotNull(page.Total);
    }

    [SkippableFact]
    public async Task ListCustomerRedeemables_with_ascending_order_and_no_filter_is_accepted()
    {
        var page = await Client.Customers.ListCustomerRedeemablesAsync("cust_p1ufreYbVbwZ1x70nFkH9rF9", limit: 1, order: CustomerRedeemableListOrder.Id);
        Assert.Equal("rh_0e7b8db4700106a852", page.Data![0].Id);
    }

    [SkippableFact]
    public async Task ListCustomerSegments_reads_every_segment()
    {
        var segments = await Client.Customers.ListCustomerSegmentsAsync("cust_T849EgzNVVmn5icJ2FAkT2rO");

        Assert.Equal(5, segments.Total);
        Assert.Equal(5, segments.Data!.Count);
        Assert.Equal("seg_DNAOhUtJffvX0f57ajLMFBYR", segments.Data[0].Id);
        Assert.Equal("segment", segments.Data[0].Object);
    }

    [SkippableFact]
    public async Task UpdateCustomersInBulk_with_full_bodies_is_accepted()
    {
        var started = await Client.Customers.UpdateCustomersInBulkAsync(
        [
            new CustomerBulkUpdateItem
            {
                SourceId = "source_123",
                Name = "Bob Smith",
                Description = "A frequent customer",
                Email = "bob.smith@email.com",
                Phone = "+1 933 222 3333",
                Birthday = new DateTime(2022, 1, 1),
                Birthdate = new DateTime(2022, 1, 1),
                Address = VendorExampleAddress(),
                Metadata = new Dictionary<string, object> { ["lang"] = "en", ["test"] = false },
            },
            new CustomerBulkUpdateItem { SourceId = "source_456", Email = "alice@example.com" },
        ]);

        Assert.False(string.IsNullOrEmpty(started.AsyncActionId));
    }

    [SkippableFact]
    public async Task UpdateCustomersMetadataInBulk_is_accepted_and_reads_the_async_action_id()
    {
        var started = await Client.Customers.UpdateCustomersMetadataInBulkAsync(new CustomerMetadataBulkUpdateOptions
        {
            SourceIds = ["source_123", "source_456"],
            Metadata = new Dictionary<string, object> { ["lang"] = "en", ["test"] = false },
        });

        Assert.Equal("aa_0a875d56c805df6601", started.AsyncActionId);
    }

    [SkippableFact]
    public async Task A_request_outside_the_vendor_contract_is_rejected_with_prisms_violations()
    {
        // The project's spec keeps the activity type open; the vendor's lists 67 names. This is the control that
        // shows Prism really validates what the tests above send.
        var client = Client; // outside the lambda, so a skip stays a skip instead of a wrong exception type
        var rejected = await Assert.ThrowsAsync<RequestRejectedByContractException>(
            () => client.Customers.ListCustomerActivityAsync("cust_T849EgzNVVmn5icJ2FAkT2rO", type: "customer.not_an_event"));

        Assert.Contains("query.type: Request query parameter type must be equal to one of the allowed values", rejected.Message);
    }

    [SkippableFact]
    public async Task GetAsyncAction_reads_the_first_example()
    {
        var action = await Client.AsyncActions.GetAsyncActionAsync("aa_0af9b22296cf473a10");

        Assert.Equal("aa_0af9b22296cf473a10", action.Id);
        Assert.Equal("CAMPAIGN.VOUCHERS_IMPORT", action.Type);
        Assert.Equal("DONE", action.Status);
        Assert.NotNull(action.Result);
        Assert.NotNull(action.CreatedAt);
    }

    /// <summary>The address the vendor's request examples use.</summary>
    private static CustomerAddress VendorExampleAddress() =>
        new() { City = "New York", State = "NY", Line1 = "123 Main St.", Line2 = "APT 3 BLG 4", Country = "United States", PostalCode = "10001" };

    public void Dispose() => _client?.Dispose();
}
