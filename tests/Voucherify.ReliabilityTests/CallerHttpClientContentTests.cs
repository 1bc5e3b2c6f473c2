namespace Voucherify.ReliabilityTests;

/// <summary>
/// Through the caller-<see cref="HttpClient"/> constructor, every attempt gets content that survives the client
/// disposing it (as .NET Framework's does after each send), so a retry sends the same body again.
/// </summary>
public class CallerHttpClientContentTests
{
    [Fact]
    public async Task A_retried_put_through_a_caller_http_client_that_disposes_content_resends_the_same_body()
    {
        await using var server = await FaultServer.StartAsync();
        var scenario = server.AddScenario(Fault.Status503Once);
        using var loopback = new LoopbackClient(server.BaseUriOf(scenario), configure: o => o.AttemptTimeout = TimeSpan.FromSeconds(10), throughCallerHttpClient: true);

        var updated = await loopback.Client.Customers.UpdateCustomerAsync("cust_1", new CustomerUpdateOptions { Name = "Alice B" });

        Assert.Equal("cust_1", updated.Id);
        var puts = scenario.Requests.Where(r => r.Method == "PUT").ToList();
        Assert.Equal(2, puts.Count);
        Assert.Contains("\"name\":\"Alice B\"", System.Text.Encoding.UTF8.GetString(puts[0].Body));
        Assert.Equal(puts[0].Body, puts[1].Body);
    }
}
