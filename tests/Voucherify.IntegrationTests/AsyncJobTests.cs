using Voucherify.IntegrationTests.Infrastructure;
using Voucherify.Sandbox;

namespace Voucherify.IntegrationTests;

public sealed class AsyncJobTests
{
    [Fact]
    public async Task A_job_is_seen_enqueued_then_in_progress_with_rising_progress_then_done()
    {
        await using var sandbox = await Sandboxes.StartAsync(new VoucherifySandboxOptions
        {
            // Long enough to be seen in each state by a poll every few milliseconds, even on a busy machine.
            JobQueueDelay = TimeSpan.FromMilliseconds(600),
            JobDuration = TimeSpan.FromMilliseconds(1200),
        });
        using var client = sandbox.CheckedClient();
        var items = Enumerable.Range(0, 40).Select(i => new CustomerBulkUpdateItem { SourceId = $"b-{i}" });
        var started = await client.Customers.UpdateCustomersInBulkAsync(items);
        var recorder = new ProgressRecorder();

        var done = await client.AsyncActions.WaitForCompletionAsync(started.AsyncActionId!, new AsyncActionWaitOptions
        {
            InitialDelay = TimeSpan.FromMilliseconds(15),
            MaxDelay = TimeSpan.FromMilliseconds(30),
            Timeout = TimeSpan.FromSeconds(20),
            Progress = recorder,
        });

        var seen = recorder.Seen;
        Assert.Equal([AsyncActionStatus.Enqueued, AsyncActionStatus.InProgress, AsyncActionStatus.Done], seen.Select(a => a.Status).Distinct());
        var running = seen.Where(a => a.Status == AsyncActionStatus.InProgress).Select(a => a.Progress ?? -1).ToList();
        Assert.Equal(running.Order(), running);
        Assert.Contains(running, p => p is > 0 and < 100);
        Assert.All(seen.Where(a => a.Status == AsyncActionStatus.Enqueued), a => Assert.Equal((0, 0), (a.Progress, a.ProcessingTime)));
        Assert.Equal((100, "SUCCESS", "async_action", AsyncActionType.CustomersBulkUpdate), (done.Progress, done.OperationStatus, done.Object, done.Type));
        Assert.InRange(done.ProcessingTime ?? 0, 1100, 20_000);
        Assert.Null(seen.First().Result);
    }

    [Fact]
    public async Task Jobs_run_one_at_a_time_in_queue_order()
    {
        await using var sandbox = await Sandboxes.StartAsync(new VoucherifySandboxOptions
        {
            JobQueueDelay = TimeSpan.Zero,
            JobDuration = TimeSpan.FromSeconds(2),
        });
        using var client = sandbox.CheckedClient();
        var first = await client.Customers.UpdateCustomersInBulkAsync([new CustomerBulkUpdateItem { SourceId = "a" }]);
        var second = await client.Customers.UpdateCustomersInBulkAsync([new CustomerBulkUpdateItem { SourceId = "b" }]);

        // Read the second job while the first is known to be running (before and after), however slow the machine.
        while ((await client.AsyncActions.GetAsyncActionAsync(first.AsyncActionId!)).Status == AsyncActionStatus.Enqueued)
            await Task.Delay(10);
        var secondState = await client.AsyncActions.GetAsyncActionAsync(second.AsyncActionId!);
        var firstState = await client.AsyncActions.GetAsyncActionAsync(first.AsyncActionId!);

        Assert.Equal(AsyncActionStatus.InProgress, firstState.Status);
        Assert.Equal(AsyncActionStatus.Enqueued, secondState.Status);
    }

    [Fact]
    public async Task Bulk_update_upserts_by_source_id_and_reports_items_it_cannot_apply()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();
        var existing = await client.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "known", Name = "Known", Email = "k@example.com" });

        var started = await client.Customers.UpdateCustomersInBulkAsync(
        [
            new CustomerBulkUpdateItem { SourceId = "known", Name = "Renamed" },
            new CustomerBulkUpdateItem { SourceId = "new-one", Email = "new@example.com" },
            new CustomerBulkUpdateItem { SourceId = "  " },
        ]);
        var job = await client.AsyncActions.WaitForCompletionAsync(started.AsyncActionId!, Sandboxes.QuickPolling());

        var result = job.GetBulkUpdateResult()!;
        Assert.Equal((2, 1), (result.DoneCount, result.FailedCount));
        Assert.Empty(result.Reports!);
        var error = Assert.Single(result.Errors!);
        Assert.Equal(("  ", "invalid_customer"), (error.SourceId, error.Key));
        var known = await client.Customers.GetCustomerAsync("known");
        Assert.Equal((existing.Id, "Renamed", "k@example.com"), (known.Id, known.Name, known.Email));
        Assert.Equal("new@example.com", (await client.Customers.GetCustomerAsync("new-one")).Email);
    }

    [Fact]
    public async Task Metadata_update_merges_into_every_listed_customer_and_creates_unknown_ones()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();
        await client.Customers.CreateCustomerAsync(new CustomerCreateOptions
        {
            SourceId = "m-1", Metadata = new Dictionary<string, object> { ["tier"] = "gold", ["region"] = "EU" },
        });

        var started = await client.Customers.UpdateCustomersMetadataInBulkAsync(new CustomerMetadataBulkUpdateOptions
        {
            SourceIds = ["m-1", "m-2"],
            Metadata = new Dictionary<string, object> { ["tier"] = "platinum", ["newsletter"] = true },
        });
        var job = await client.AsyncActions.WaitForCompletionAsync(started.AsyncActionId!, Sandboxes.QuickPolling());

        Assert.Equal(AsyncActionType.CustomersMetadataUpdate, job.Type);
        Assert.Equal((2, 0), (job.GetBulkUpdateResult()!.DoneCount, job.GetBulkUpdateResult()!.FailedCount));
        Assert.Equal(new Dictionary<string, object> { ["tier"] = "platinum", ["region"] = "EU", ["newsletter"] = true },
            (await client.Customers.GetCustomerAsync("m-1")).Metadata);
        Assert.Equal(new Dictionary<string, object> { ["tier"] = "platinum", ["newsletter"] = true },
            (await client.Customers.GetCustomerAsync("m-2")).Metadata);
    }

    [Fact]
    public async Task An_unknown_async_action_is_a_404()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => client.AsyncActions.GetAsyncActionAsync("aa_missing"));

        Assert.Equal((404, "not_found", "async_action", "aa_missing"), (error.StatusCode, error.Key, error.ResourceType, error.ResourceId));
    }
}
