using Voucherify.Sandbox;

namespace Voucherify.Tests.Sdk;

/// <summary>A timeout message names the limit that fired, over a real socket to the sandbox.</summary>
public sealed class TimeoutMessageTests
{
    [Fact]
    public async Task A_callers_HttpClient_Timeout_is_named_when_it_is_what_fired()
    {
        await using var sandbox = await VoucherifySandbox.StartAsync();
        // The answer never comes in time for the HttpClient, and long before the client's own 30 s attempt timeout.
        sandbox.AddFault(new SandboxFault { OperationId = "get-customer", Delay = TimeSpan.FromSeconds(5) });
        using var httpClient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(1) };
        var options = sandbox.CreateClientOptions();
        options.Retry = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(1) };
        using var client = new VoucherifyClient(httpClient, options);

        var error = await Assert.ThrowsAsync<VoucherifyTimeoutException>(() => client.Customers.GetCustomerAsync("crm-1"));

        Assert.Equal(VoucherifyTimeoutScope.Attempt, error.Scope);
        Assert.Equal(TimeSpan.FromMilliseconds(1), error.Timeout);
        Assert.Equal(3, error.Attempts);
        Assert.Equal("GET /v1/customers/{customerId} timed out: no complete response within the Timeout of 0.001 s of the HttpClient given to the client (HttpClient.Timeout) after 3 attempts.", error.Message);
    }

    [Fact]
    public async Task The_clients_own_attempt_timeout_is_named_when_it_fired_below_a_callers_HttpClient()
    {
        await using var sandbox = await VoucherifySandbox.StartAsync();
        sandbox.AddFault(new SandboxFault { OperationId = "get-customer", Delay = TimeSpan.FromSeconds(5) });
        using var httpClient = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var options = sandbox.CreateClientOptions();
        options.Retry = new RetryOptions { MaxAttempts = 1 };
        options.AttemptTimeout = TimeSpan.FromMilliseconds(100);
        using var client = new VoucherifyClient(httpClient, options);

        var error = await Assert.ThrowsAsync<VoucherifyTimeoutException>(() => client.Customers.GetCustomerAsync("crm-1"));

        Assert.Equal(TimeSpan.FromMilliseconds(100), error.Timeout);
        Assert.Equal("GET /v1/customers/{customerId} timed out: no complete response within the attempt timeout of 0.1 s (VoucherifyClientOptions.AttemptTimeout) after 1 attempt.", error.Message);
    }
}
