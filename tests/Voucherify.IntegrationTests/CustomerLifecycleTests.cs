using Voucherify.IntegrationTests.Infrastructure;

namespace Voucherify.IntegrationTests;

public sealed class CustomerLifecycleTests
{
    [Fact]
    public async Task Creating_twice_with_one_source_id_updates_the_same_customer()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();

        var first = await client.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "crm-1", Name = "Alice", Email = "alice@example.com" });
        var second = await client.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "crm-1", Name = "Alice Morgan" });

        Assert.StartsWith("cust_", first.Id);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal("Alice Morgan", second.Name);
        Assert.Equal("alice@example.com", second.Email);
        Assert.Equal("customer", second.Object);
        Assert.Null(first.UpdatedAt);
        Assert.NotNull(second.UpdatedAt);
        Assert.Equal(1, (await client.Customers.ListCustomersAsync()).Total);
    }

    [Fact]
    public async Task Creating_with_a_known_id_updates_that_customer_and_ignores_the_source_id()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();
        var created = await client.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "crm-1" });

        var updated = await client.Customers.CreateCustomerAsync(new CustomerCreateOptions { Id = created.Id, SourceId = "crm-other", Phone = "+48 600" });

        Assert.Equal(created.Id, updated.Id);
        Assert.Equal("crm-1", updated.SourceId);
        Assert.Equal("+48 600", updated.Phone);
    }

    [Fact]
    public async Task Creating_with_an_unknown_id_is_a_404()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() =>
            client.Customers.CreateCustomerAsync(new CustomerCreateOptions { Id = "cust_nobody", Name = "X" }));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("cust_nobody", error.ResourceId);
    }

    [Fact]
    public async Task Get_accepts_the_voucherify_id_or_the_source_id()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();
        var created = await client.Customers.CreateCustomerAsync(new CustomerCreateOptions
        {
            SourceId = "alice@example.com",
            Birthdate = new DateTime(1990, 4, 5),
            Address = new CustomerAddress { City = "Warsaw", Country = "PL" },
            Metadata = new Dictionary<string, object> { ["tier"] = "gold", ["vip"] = true },
        });

        var byId = await client.Customers.GetCustomerAsync(created.Id!);
        var bySourceId = await client.Customers.GetCustomerAsync("alice@example.com");

        Assert.Equal(created.Id, byId.Id);
        Assert.Equal(created.Id, bySourceId.Id);
        Assert.Equal(new DateTime(1990, 4, 5), bySourceId.Birthdate);
        Assert.Equal("Warsaw", bySourceId.Address!.City);
        Assert.Equal("gold", bySourceId.Metadata!["tier"]);
        Assert.Equal(true, bySourceId.Metadata["vip"]);
        Assert.Equal(0, bySourceId.Summary!.Orders!.TotalAmount);
        Assert.Equal(created.CreatedAt, bySourceId.CreatedAt);
    }

    [Fact]
    public async Task Update_changes_only_the_members_sent()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();
        await client.Customers.CreateCustomerAsync(new CustomerCreateOptions
        {
            SourceId = "crm-1", Name = "Alice", Email = "alice@example.com",
            Metadata = new Dictionary<string, object> { ["tier"] = "gold", ["score"] = 3L },
        });

        var updated = await client.Customers.UpdateCustomerAsync("crm-1", new CustomerUpdateOptions
        {
            Email = "alice@new.example.com",
            Metadata = new Dictionary<string, object> { ["tier"] = "silver" },
        });

        Assert.Equal("Alice", updated.Name);
        Assert.Equal("alice@new.example.com", updated.Email);
        // metadata sent in an update replaces the stored object as a whole
        Assert.Equal(new Dictionary<string, object> { ["tier"] = "silver" }, updated.Metadata);
        Assert.Equal(updated.Email, (await client.Customers.GetCustomerAsync("crm-1")).Email);
    }

    [Fact]
    public async Task Delete_answers_204_and_the_customer_is_gone_while_its_source_id_is_free_again()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();
        var created = await client.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "crm-1" });

        await client.Customers.DeleteCustomerAsync("crm-1");

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => client.Customers.GetCustomerAsync(created.Id!));
        Assert.Equal(404, error.StatusCode);
        Assert.Equal(0, (await client.Customers.ListCustomersAsync()).Total);
        var again = await client.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "crm-1" });
        Assert.NotEqual(created.Id, again.Id);
        await Assert.ThrowsAsync<VoucherifyApiException>(() => client.Customers.DeleteCustomerAsync(created.Id!));
    }

    [Fact]
    public async Task Permanent_deletion_reports_what_it_erased_with_the_services_spelling()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();
        var created = await client.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "crm-1" });
        await client.Customers.UpdateCustomerAsync("crm-1", new CustomerUpdateOptions { Name = "A" });

        var deletion = await client.Customers.PermanentlyDeleteCustomerAsync("crm-1");

        Assert.Equal("pernament_deletion", deletion.Object);
        Assert.StartsWith("del_", deletion.Id);
        Assert.Equal(created.Id, deletion.RelatedObjectId);
        Assert.Equal("customer", deletion.RelatedObject);
        Assert.Equal("DONE", deletion.Status);
        Assert.Equal(2, deletion.DataJson!.CustomerEvents);
        Assert.Equal(1, deletion.DataJson.Customer);
        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => client.Customers.ListCustomerActivityAsync(created.Id!));
        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task A_deleted_customer_keeps_its_activity_until_it_is_permanently_deleted_by_id()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();
        var created = await client.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "crm-1" });
        await client.Customers.DeleteCustomerAsync(created.Id!);

        var activity = await client.Customers.ListCustomerActivityAsync(created.Id!);
        var deletion = await client.Customers.PermanentlyDeleteCustomerAsync(created.Id!);

        Assert.Equal(["customer.deleted", "customer.created"], activity.Data!.Select(e => e.Type));
        Assert.Equal(2, deletion.DataJson!.Events);
        await Assert.ThrowsAsync<VoucherifyApiException>(() => client.Customers.PermanentlyDeleteCustomerAsync(created.Id!));
    }

    [Fact]
    public async Task The_whole_lifecycle_runs_through_every_operation()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();

        var alice = await client.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "life-1", Name = "Alice" });
        await client.Customers.UpdateCustomerAsync(alice.Id!, new CustomerUpdateOptions { Phone = "+1 555" });
        var import = await client.Customers.ImportCustomersFromCsvAndWaitAsync(
            new MemoryStream("Source_id,Name\nlife-2,Bob\nlife-3,Carol\n"u8.ToArray()), "people.csv", Sandboxes.QuickPolling());
        var bulk = await client.Customers.UpdateCustomersInBulkAsync([new CustomerBulkUpdateItem { SourceId = "life-2", Email = "bob@example.com" }]);
        await client.AsyncActions.WaitForCompletionAsync(bulk.AsyncActionId!, Sandboxes.QuickPolling());
        var metadata = await client.Customers.UpdateCustomersMetadataInBulkAsync(new CustomerMetadataBulkUpdateOptions
        {
            SourceIds = ["life-1", "life-3"],
            Metadata = new Dictionary<string, object> { ["campaign"] = "spring" },
        });
        await client.AsyncActions.WaitForCompletionAsync(metadata.AsyncActionId!, Sandboxes.QuickPolling());
        var list = await client.Customers.ListCustomersAsync(order: CustomerListOrder.SourceId);
        var activity = await client.Customers.ListCustomerActivityAsync("life-1");
        var segments = await client.Customers.ListCustomerSegmentsAsync("life-1");
        var redeemables = await client.Customers.ListCustomerRedeemablesAsync("life-1");
        await client.Customers.DeleteCustomerAsync("life-2");
        await client.Customers.PermanentlyDeleteCustomerAsync("life-3");

        Assert.Equal(2, import.GetImportCsvResult()!.DoneCount);
        var customers = list.Customers!;
        Assert.Equal(["life-1", "life-2", "life-3"], customers.Select(c => c.SourceId));
        Assert.Equal("bob@example.com", customers[1].Email);
        Assert.Equal("spring", customers[2].Metadata!["campaign"]);
        Assert.Equal(["customer.updated", "customer.updated", "customer.created"], activity.Data!.Select(e => e.Type));
        Assert.Equal(0, segments.Total);
        Assert.Equal(0, redeemables.Total);
        Assert.Equal(["life-1"], (await client.Customers.ListCustomersAsync()).Customers!.Select(c => c.SourceId));
    }
}
