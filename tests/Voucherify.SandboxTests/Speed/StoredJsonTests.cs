using Voucherify.Sandbox;

namespace Voucherify.SandboxTests.Speed;

/// <summary>
/// Reads answer from each customer's JSON kept since its last change (so that a read copies bytes instead of
/// serializing): a change, a delete or a permanent deletion must never leave an old answer behind.
/// </summary>
public sealed class StoredJsonTests
{
    [Fact]
    public async Task A_read_after_a_change_answers_the_changed_customer()
    {
        await using var sandbox = await VoucherifySandbox.StartAsync();
        using var client = sandbox.CreateClient();
        await client.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "c-1", Name = "Before" });
        await client.Customers.GetCustomerAsync("c-1");
        await client.Customers.ListCustomersAsync();

        await client.Customers.UpdateCustomerAsync("c-1", new CustomerUpdateOptions { Name = "After" });
        var got = await client.Customers.GetCustomerAsync("c-1");
        var listed = await client.Customers.ListCustomersAsync();

        Assert.Equal(("After", "After"), (got.Name, Assert.Single(listed.Customers!).Name));
        Assert.NotNull(got.UpdatedAt);
    }

    [Fact]
    public async Task A_deleted_customer_is_not_answered_from_its_kept_json()
    {
        await using var sandbox = await VoucherifySandbox.StartAsync();
        using var client = sandbox.CreateClient();
        await client.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "c-1" });
        await client.Customers.GetCustomerAsync("c-1");

        await client.Customers.DeleteCustomerAsync("c-1");
        var listed = await client.Customers.ListCustomersAsync();
        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => client.Customers.GetCustomerAsync("c-1"));

        Assert.Empty(listed.Customers!);
        Assert.Equal(404, error.StatusCode);
    }
}
