using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using Voucherify.IntegrationTests.Infrastructure;
using Voucherify.Sandbox;

namespace Voucherify.IntegrationTests;

/// <summary>The sandbox on a <see cref="FakeTimeProvider"/>: jobs, timestamps and rate-limit windows move only when the test moves the clock.</summary>
public sealed class ControllableTimeTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Polls until the job leaves <paramref name="status"/>: the fake clock has moved, but the sandbox's worker still
    /// needs a moment of real time to act on it.
    /// </summary>
    private static async Task<AsyncAction> WaitForChangeAsync(VoucherifyClient client, string id, string status)
    {
        for (var i = 0; i < 500; i++)
        {
            var action = await client.AsyncActions.GetAsyncActionAsync(id);
            if (action.Status != status) return action;
            await Task.Delay(10);
        }
        throw new TimeoutException($"{id} stayed {status}");
    }

    [Fact]
    public async Task A_ten_minute_import_runs_only_as_the_clock_is_moved()
    {
        var time = new FakeTimeProvider(Start);
        await using var sandbox = await VoucherifySandbox.StartAsync(new VoucherifySandboxOptions
        {
            TimeProvider = time,
            JobQueueDelay = TimeSpan.FromSeconds(1),
            JobDuration = TimeSpan.FromMinutes(10),
        });
        using var client = sandbox.CheckedClient();
        var csv = "Source_id,Name\r\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"c-{i},Customer {i}\r\n"));
        var id = (await client.Customers.ImportCustomersFromCsvAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "c.csv")).AsyncActionId!;

        await Task.Delay(200); // real time passes, the sandbox's does not
        var queued = await client.AsyncActions.GetAsyncActionAsync(id);
        time.Advance(TimeSpan.FromSeconds(2));
        await WaitForChangeAsync(client, id, AsyncActionStatus.Enqueued);
        // 20 steps of 30 s: at 4 min 45 s into the job, ten steps (0 s … 270 s) have run.
        time.Advance(TimeSpan.FromSeconds(285));
        var half = await WaitForProgressAsync(client, id, 50);
        var halfTotal = (await client.Customers.ListCustomersAsync(limit: 1)).Total;
        time.Advance(TimeSpan.FromMinutes(10));
        var done = await WaitForChangeAsync(client, id, AsyncActionStatus.InProgress);

        Assert.Equal((AsyncActionStatus.Enqueued, 0), (queued.Status, queued.Progress));
        Assert.Equal(AsyncActionStatus.InProgress, half.Status);
        Assert.Equal((50, 50), (half.Progress, halfTotal));
        Assert.Equal((AsyncActionStatus.Done, 100), (done.Status, done.Progress));
        Assert.Equal(600_000, done.ProcessingTime);
        Assert.Equal(100, (await client.Customers.ListCustomersAsync(limit: 1)).Total);
        Assert.Equal(Start.Date, done.UpdatedAt!.Value.UtcDateTime.Date);
    }

    private static async Task<AsyncAction> WaitForProgressAsync(VoucherifyClient client, string id, int progress)
    {
        for (var i = 0; i < 500; i++)
        {
            var action = await client.AsyncActions.GetAsyncActionAsync(id);
            if (action.Progress >= progress) return action;
            await Task.Delay(10);
        }
        throw new TimeoutException($"{id} never reached {progress}%");
    }

    [Fact]
    public async Task Timestamps_are_the_fake_clocks_and_stay_strictly_increasing_while_it_stands_still()
    {
        var time = new FakeTimeProvider(Start);
        await using var sandbox = await VoucherifySandbox.StartAsync(new VoucherifySandboxOptions { TimeProvider = time });
        using var client = sandbox.CheckedClient();

        var first = await client.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "a" });
        var second = await client.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "b" });
        time.Advance(TimeSpan.FromDays(1));
        var updated = await client.Customers.UpdateCustomerAsync("a", new CustomerUpdateOptions { Name = "A" });

        Assert.Equal(Start, first.CreatedAt);
        Assert.InRange(second.CreatedAt!.Value, first.CreatedAt!.Value.AddTicks(1), Start.AddMilliseconds(1));
        Assert.Equal(Start.AddDays(1), updated.UpdatedAt);
        Assert.Equal(Start, sandbox.Requests[0].ReceivedAt);
    }

    [Fact]
    public async Task The_rate_limit_window_reopens_when_the_clock_moves_past_it()
    {
        var time = new FakeTimeProvider(Start);
        await using var sandbox = await VoucherifySandbox.StartAsync(new VoucherifySandboxOptions
        {
            TimeProvider = time,
            RateLimit = new SandboxRateLimitOptions { PermitLimit = 2, Window = TimeSpan.FromMinutes(1) },
        });
        using var http = sandbox.RawHttpClient(checkSpec: false);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await http.GetAsync("v1/customers")).StatusCode);
        time.Advance(TimeSpan.FromSeconds(45));
        using var stillLimited = await http.GetAsync("v1/customers");
        time.Advance(TimeSpan.FromSeconds(15));
        using var reopened = await http.GetAsync("v1/customers");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal((HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(15)), (stillLimited.StatusCode, stillLimited.Headers.RetryAfter!.Delta!.Value));
        Assert.Equal(Start.AddMinutes(1).ToUnixTimeSeconds().ToString(), stillLimited.Headers.GetValues("X-Rate-Limit-Retry").Single());
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Equal("1", reopened.Headers.GetValues("X-Rate-Limit-Remaining").Single());
    }

    [Fact]
    public async Task An_injected_delay_waits_on_the_fake_clock()
    {
        var time = new FakeTimeProvider(Start);
        await using var sandbox = await VoucherifySandbox.StartAsync(new VoucherifySandboxOptions { TimeProvider = time });
        sandbox.AddFault(new SandboxFault { OperationId = "list-customers", Delay = TimeSpan.FromHours(1) });
        using var http = sandbox.RawHttpClient();

        var pending = http.GetAsync("v1/customers");
        await Task.Delay(200);
        var waitedForTheClock = !pending.IsCompleted;
        time.Advance(TimeSpan.FromHours(1));
        using var response = await pending;

        Assert.True(waitedForTheClock);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
