using Voucherify.Sandbox;

namespace Voucherify.Tests.Sdk;

/// <summary>The bulk and paging helpers end to end against the local sandbox (a loopback Kestrel server).</summary>
public class SandboxRoundTripTests
{
    private static readonly AsyncActionWaitOptions FastPolling = new() { InitialDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(100) };

    [Fact]
    public async Task Customers_written_in_split_bulk_requests_are_all_listed_past_page_99_exactly_once()
    {
        await using var sandbox = await VoucherifySandbox.StartAsync(new VoucherifySandboxOptions { JobQueueDelay = TimeSpan.Zero, JobDuration = TimeSpan.Zero });
        using var client = sandbox.CreateClient();
        var sourceIds = Enumerable.Range(0, 1025).Select(i => $"crm-{i:D4}").ToList();

        var summary = await client.Customers.UpdateCustomersInBatchesAsync(
            sourceIds.Select(id => new CustomerBulkUpdateItem { SourceId = id, Name = "Customer " + id }),
            new BulkUpdateOptions { MaxRequestBytes = 16 * 1024, WaitOptions = FastPolling });

        Assert.True(summary.AsyncActionIds.Count > 1);
        Assert.Equal((1025, 0), (summary.DoneCount, summary.FailedCount));

        var newestFirst = new List<string>();
        await foreach (var customer in client.Customers.ListAllCustomersAsync(new CustomerListOptions { PageSize = 10 }))
            newestFirst.Add(customer.SourceId!);
        var oldestFirst = new List<string>();
        await foreach (var customer in client.Customers.ListAllCustomersAsync(new CustomerListOptions { PageSize = 10, Order = CustomerListOrder.CreatedAt }))
            oldestFirst.Add(customer.SourceId!);

        // The jobs ran in request order and each created its customers in item order.
        Assert.Equal(sourceIds, oldestFirst);
        Assert.Equal(Enumerable.Reverse(sourceIds), newestFirst);
    }
}
