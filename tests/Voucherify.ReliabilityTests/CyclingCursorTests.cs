using Microsoft.AspNetCore.Http;

namespace Voucherify.ReliabilityTests;

/// <summary>A list whose <c>more_starting_after</c> cycles (A → B → A) ends the walk instead of running forever.</summary>
public class CyclingCursorTests
{
    /// <summary>
    /// Answers the first page with cursor A, the page after A with B, and the page after B with A again; from the
    /// tenth request on it says there is no more, so a walker that misses the cycle ends the test instead of hanging it.
    /// </summary>
    private static RequestDelegate CyclingList()
    {
        var requests = 0;
        return context => CyclingPageAsync(context, last: Interlocked.Increment(ref requests) >= 10);
    }

    private static Task CyclingPageAsync(HttpContext context, bool last)
    {
        var after = context.Request.Query["starting_after_id"].ToString();
        var (item, next) = after switch
        {
            "" => ("x_0", "cur_A"),
            "cur_A" => ("x_1", "cur_B"),
            "cur_B" => ("x_2", "cur_A"),
            _ => ("x_9", "cur_Z"),
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync($$"""{"object":"list","data_ref":"data","data":[{"id":"{{item}}"}],"has_more":{{(last ? "false" : "true")}},"more_starting_after":"{{next}}"}""");
    }

    [Fact]
    public async Task Activity_walk_ends_with_InvalidOperationException_when_a_cursor_comes_back()
    {
        await using var server = await HostileServer.StartAsync(CyclingList());
        using var loopback = new LoopbackClient(server.BaseUri, configure: o => o.AttemptTimeout = TimeSpan.FromSeconds(10));

        var ids = new List<string>();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var activity in loopback.Client.Customers.ListAllCustomerActivityAsync("cust_1")) ids.Add(activity.Id!);
        });

        Assert.Equal(new[] { "x_0", "x_1", "x_2" }, ids);
        Assert.Equal(3, server.Requests.Count);
        Assert.Contains("cursor", error.Message);
    }

    [Fact]
    public async Task Redeemables_walk_ends_with_InvalidOperationException_when_a_cursor_comes_back()
    {
        await using var server = await HostileServer.StartAsync(CyclingList());
        using var loopback = new LoopbackClient(server.BaseUri, configure: o => o.AttemptTimeout = TimeSpan.FromSeconds(10));

        var ids = new List<string>();
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var redeemable in loopback.Client.Customers.ListAllCustomerRedeemablesAsync("cust_1")) ids.Add(redeemable.Id!);
        });

        Assert.Equal(new[] { "x_0", "x_1", "x_2" }, ids);
        Assert.Equal(3, server.Requests.Count);
    }
}
