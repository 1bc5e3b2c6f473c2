using System.Diagnostics;
using System.Net;
using System.Text;
using Voucherify.Testing;

namespace Voucherify.ReliabilityTests;

[Collection(TimingCollection.Name)]
public class TimeoutAndCancellationTests
{
    /// <summary>A step that answers only after <paramref name="delay"/>, or stops waiting when cancelled.</summary>
    private static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Slow(TimeSpan delay) => async (_, ct) =>
    {
        await Task.Delay(delay, ct);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Samples.Customer, Encoding.UTF8, "application/json") };
    };

    [Fact]
    public async Task Slow_attempt_is_abandoned_and_retried()
    {
        var transport = new ScriptedTransport().Then(Slow(TimeSpan.FromSeconds(30)));
        using var client = transport.Client(o => o.AttemptTimeout = TimeSpan.FromMilliseconds(100));

        var customer = await client.Customers.GetCustomerAsync("alice@example.com");

        Assert.Equal("cust_1", customer.Id);
        Assert.Equal(2, transport.Attempts.Count);
    }

    [Fact]
    public async Task Attempts_that_all_time_out_give_a_timeout_exception_naming_the_operation_without_the_id()
    {
        var transport = new ScriptedTransport().Then(Slow(TimeSpan.FromSeconds(30))).Then(Slow(TimeSpan.FromSeconds(30)));
        using var client = transport.Client(o => { o.AttemptTimeout = TimeSpan.FromMilliseconds(50); o.Retry.MaxAttempts = 2; });

        var error = await Assert.ThrowsAsync<VoucherifyTimeoutException>(() => client.Customers.GetCustomerAsync("alice@example.com"));

        Assert.Equal("GET /v1/customers/{customerId}", error.Operation);
        Assert.Equal(VoucherifyTimeoutScope.Attempt, error.Scope);
        Assert.Equal(2, error.Attempts);
        Assert.Equal(TimeSpan.FromMilliseconds(50), error.Timeout);
        Assert.IsAssignableFrom<VoucherifyException>(error);
        Assert.DoesNotContain("alice", error.ToString());
        Samples.AssertNoSecret(error);
    }

    [Fact]
    public async Task Job_post_that_times_out_is_not_sent_again()
    {
        var transport = new ScriptedTransport { FallbackBody = Samples.AsyncStarted, FallbackStatus = HttpStatusCode.Accepted }.Then(Slow(TimeSpan.FromSeconds(30)));
        using var client = transport.Client(o => o.AttemptTimeout = TimeSpan.FromMilliseconds(50));

        var error = await Assert.ThrowsAsync<VoucherifyTimeoutException>(() => client.Customers.UpdateCustomersMetadataInBulkAsync(
            new CustomerMetadataBulkUpdateOptions { SourceIds = new List<string> { "a" }, Metadata = new Dictionary<string, object> { ["x"] = 1 } }));

        Assert.Equal("POST /v1/customers/metadata/async", error.Operation);
        Assert.Single(transport.Attempts);
    }

    [Fact]
    public async Task Call_timeout_bounds_the_whole_call_whatever_the_attempt_timeout()
    {
        var transport = new ScriptedTransport().Then(Slow(TimeSpan.FromSeconds(30)));
        using var client = transport.Client(o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(20);
            o.CallTimeout = TimeSpan.FromMilliseconds(100);
        });

        var error = await Assert.ThrowsAsync<VoucherifyTimeoutException>(() => client.Customers.ListCustomerSegmentsAsync("cust_1"));

        Assert.Equal(VoucherifyTimeoutScope.Call, error.Scope);
        Assert.Equal(TimeSpan.FromMilliseconds(100), error.Timeout);
        Assert.Equal("GET /v1/customers/{customerId}/segments", error.Operation);
        Assert.Equal(1, error.Attempts);
    }

    [Fact]
    public async Task A_retried_attempt_is_cut_at_the_calls_deadline_not_at_its_own_timeout()
    {
        var transport = new ScriptedTransport().Then(HttpStatusCode.ServiceUnavailable).Then(Slow(TimeSpan.FromSeconds(30)));
        var clock = new ControlledClock();
        using var client = transport.Client(o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(20);
            o.CallTimeout = TimeSpan.FromMilliseconds(400);
            o.Retry.BaseDelay = o.Retry.MaxDelay = TimeSpan.FromMilliseconds(10);
            o.TimeProvider = clock;
        });

        var call = client.Customers.GetCustomerAsync("cust_1");
        Assert.Equal(TimeSpan.FromMilliseconds(400), await clock.NextTimerAsync()); // attempt 1, bounded by the call
        var backoff = await clock.NextTimerAsync();
        clock.Advance(backoff);
        // Attempt 2 gets what is left of the call, not its own 20 s.
        Assert.Equal(TimeSpan.FromMilliseconds(400) - backoff, await clock.NextTimerAsync());
        clock.Advance(TimeSpan.FromMilliseconds(400) - backoff);

        var error = await Assert.ThrowsAsync<VoucherifyTimeoutException>(() => call);
        Assert.Equal(VoucherifyTimeoutScope.Call, error.Scope);
        Assert.Equal(TimeSpan.FromMilliseconds(400), error.Timeout);
        Assert.Equal(2, error.Attempts);
    }

    [Fact]
    public async Task A_retry_wait_that_would_outlast_the_call_timeout_is_not_started()
    {
        var transport = new ScriptedTransport()
            .Then(HttpStatusCode.ServiceUnavailable)
            .Then(HttpStatusCode.TooManyRequests, Samples.RateLimited, r => r.Headers.Add("Retry-After", "2"))
            .ThenThrow(ScriptedTransport.Reset());
        // On a clock that never moves, a wait once started would never end: the calls returning at all is the proof.
        var clock = new ControlledClock();
        using var client = transport.Client(o =>
        {
            o.CallTimeout = TimeSpan.FromSeconds(1);
            o.Retry.BaseDelay = o.Retry.MaxDelay = TimeSpan.FromSeconds(5);
            o.TimeProvider = clock;
        });
        using var serverWaitClient = transport.Client(o =>
        {
            o.CallTimeout = TimeSpan.FromSeconds(1);
            o.TimeProvider = clock;
        });
        using var networkClient = transport.Client(o =>
        {
            o.CallTimeout = TimeSpan.FromSeconds(1);
            o.Retry.BaseDelay = o.Retry.MaxDelay = TimeSpan.FromSeconds(5);
            o.TimeProvider = clock;
        });

        var backoff = await Assert.ThrowsAsync<VoucherifyApiException>(() => client.Customers.GetCustomerAsync("cust_1"));
        var serverWait = await Assert.ThrowsAsync<VoucherifyApiException>(() => serverWaitClient.Customers.GetCustomerAsync("cust_1"));
        var network = await Assert.ThrowsAsync<VoucherifyNetworkException>(() => networkClient.Customers.GetCustomerAsync("cust_1"));

        // The failure in hand is reported at once instead of a call timeout after a sleep that could not end in time.
        Assert.Equal(503, backoff.StatusCode);
        Assert.Equal(429, serverWait.StatusCode);
        Assert.Equal(1, network.Attempts);
        Assert.Equal(3, transport.Attempts.Count);
        Assert.All(clock.StartedTimers, due => Assert.Equal(TimeSpan.FromSeconds(1), due)); // attempt deadlines only, no wait
    }

    [Fact]
    public async Task A_transport_that_fails_with_an_io_error_when_the_caller_cancels_still_gives_the_caller_a_cancellation()
    {
        // Streams before .NET 5 may not observe the token; they fail when the response is disposed under them instead.
        var transport = new ScriptedTransport().Then(async (_, ct) =>
        {
            try { await Task.Delay(Timeout.Infinite, ct); }
            catch (OperationCanceledException) { }
            throw new IOException("The response was disposed.");
        });
        using var client = transport.Client();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Customers.GetCustomerAsync("cust_1", cancel.Token));

        Assert.Equal(cancel.Token, error.CancellationToken);
        Assert.IsType<IOException>(error.GetBaseException());
        Assert.Single(transport.Attempts);
    }

    [Fact]
    public async Task Caller_cancellation_is_an_operation_canceled_exception_not_a_timeout()
    {
        var transport = new ScriptedTransport().Then(Slow(TimeSpan.FromSeconds(30)));
        using var client = transport.Client(o => o.AttemptTimeout = TimeSpan.FromSeconds(10));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Customers.GetCustomerAsync("cust_1", cts.Token));

        Assert.Equal(cts.Token, error.CancellationToken);
        Assert.Single(transport.Attempts);
    }

    /// <summary>
    /// How quickly each kind of wait notices a cancelled token, against the real loopback server. The bound asserted here
    /// is generous (shared CI machines); the measured figures go to docs/reliability.md when the report variable is set.
    /// </summary>
    [Fact]
    public async Task Cancellation_is_observed_promptly_during_a_request_a_retry_delay_and_async_action_polling()
    {
        await using var server = await FaultServer.StartAsync();
        const int Runs = 20;
        var phases = new (string Name, Fault Fault, Action<VoucherifyClientOptions> Configure, Func<VoucherifyClient, CancellationToken, Task> Call)[]
        {
            ("waiting for a response", Fault.SlowAlways, o => o.AttemptTimeout = TimeSpan.FromSeconds(30),
                (c, ct) => c.Customers.GetCustomerAsync("cust_1", ct)),
            ("retry delay (backoff)", Fault.Status503Always, o => { o.Retry.BaseDelay = o.Retry.MaxDelay = TimeSpan.FromSeconds(30); o.CallTimeout = TimeSpan.FromMinutes(2); },
                (c, ct) => c.Customers.GetCustomerAsync("cust_1", ct)),
            ("retry delay (Retry-After)", Fault.RateLimitedRetryAfterOnce, o => { },
                (c, ct) => c.Customers.GetCustomerAsync("cust_1", ct)),
            ("async-action polling delay", Fault.StaysInProgress, o => { },
                (c, ct) => c.AsyncActions.WaitForCompletionAsync("aa_1", new AsyncActionWaitOptions { InitialDelay = TimeSpan.FromSeconds(30), MaxDelay = TimeSpan.FromSeconds(30) }, ct)),
        };

        var report = new StringBuilder("| Cancelled while | runs | median | p95 | max |\n|---|---|---|---|---|\n");
        foreach (var phase in phases)
        {
            var latencies = new List<double>();
            for (var run = 0; run < Runs; run++)
            {
                var scenario = server.AddScenario(phase.Fault);
                using var client = new LoopbackClient(server.BaseUriOf(scenario), configure: phase.Configure);
                using var cts = new CancellationTokenSource();
                var call = phase.Call(client.Client, cts.Token);
                // Cancel once the first request has been answered or is being held: the client is then in the phase measured.
                while (Volatile.Read(ref scenario.RequestsReceived) == 0) await Task.Delay(1);
                await Task.Delay(30);
                Assert.False(call.IsCompleted, $"{phase.Name}: the call finished before it could be cancelled");
                var clock = Stopwatch.StartNew();
                cts.Cancel();
                var error = await Record.ExceptionAsync(() => call);
                clock.Stop();
                Assert.IsAssignableFrom<OperationCanceledException>(error);
                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }
            latencies.Sort();
            // A real-clock check of the wiring: 5 s holds at a load of 20 on 2 cores, and is still far below the 30 s waits.
            Assert.True(latencies[^1] < 5000, $"{phase.Name}: cancellation took {latencies[^1]:0} ms");
            report.Append($"| {phase.Name} | {Runs} | {latencies[Runs / 2]:0.00} ms | {latencies[(int)(Runs * 0.95) - 1]:0.00} ms | {latencies[^1]:0.00} ms |\n");
        }
        ReliabilityReport.Replace("cancellation", report.ToString());
    }
}
