using Voucherify.Sandbox;

namespace Voucherify.SandboxTests;

public sealed class SandboxStartsTests
{
    [Fact]
    public async Task A_started_sandbox_serves_the_client_on_a_loopback_port()
    {
        await using var sandbox = await VoucherifySandbox.StartAsync();
        using var client = sandbox.CreateClient();

        var created = await client.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "crm-1" });

        Assert.Equal("crm-1", created.SourceId);
        Assert.True(sandbox.BaseUri.IsLoopback);
    }
}
