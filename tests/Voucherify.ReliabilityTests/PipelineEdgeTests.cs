using System.Diagnostics;
using System.Net;
using System.Text;

namespace Voucherify.ReliabilityTests;

/// <summary>What each attempt of a retried call carries and leaves behind, and which failures earn another attempt.</summary>
public class PipelineEdgeTests
{
    private static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Slow => async (_, ct) =>
    {
        await Task.Delay(TimeSpan.FromSeconds(30), ct);
        return new HttpResponseMessage(HttpStatusCode.OK);
    };

    /// <summary>Gets cust_1 (the scripted answers first, then the customer) and says how long the whole call took.</summary>
    private static async Task<TimeSpan> TimeGetCustomerAsync(ScriptedTransport transport, Action<VoucherifyClientOptions> configure)
    {
        using var client = transport.Client(configure);
        var clock = Stopwatch.StartNew();
        var customer = await client.Customers.GetCustomerAsync("cust_1");
        Assert.Equal("cust_1", customer.Id);
        return clock.Elapsed;
    }

    [Fact]
    public async Task Every_attempt_carries_each_credential_header_once()
    {
        var counts = new List<(int AppId, int Token, int UserAgent)>();
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> record(HttpStatusCode status) => (request, _) =>
        {
            counts.Add((request.Headers.GetValues("X-App-Id").Count(), request.Headers.GetValues("X-App-Token").Count(), request.Headers.GetValues("User-Agent").Count()));
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(Samples.Customer, Encoding.UTF8, "application/json") });
        };
        var transport = new ScriptedTransport().Then(record(HttpStatusCode.ServiceUnavailable)).Then(record(HttpStatusCode.BadGateway)).Then(record(HttpStatusCode.OK));
        using var client = transport.Client();

        await client.Customers.GetCustomerAsync("cust_1");

        Assert.Equal([(1, 1, 1), (1, 1, 1), (1, 1, 1)], counts);
    }

    [Fact]
    public async Task A_job_post_cut_after_sending_is_not_replayed_but_one_whose_connection_was_refused_is()
    {
        var body = new CustomerMetadataBulkUpdateOptions { SourceIds = ["a"], Metadata = new Dictionary<string, object> { ["x"] = 1 } };
        var reset = new ScriptedTransport().ThenThrow(ScriptedTransport.Reset());
        var refused = new ScriptedTransport { FallbackBody = Samples.AsyncStarted, FallbackStatus = HttpStatusCode.Accepted }.ThenThrow(ScriptedTransport.Refused());
        using var resetClient = reset.Client();
        using var refusedClient = refused.Client();

        var error = await Assert.ThrowsAsync<VoucherifyNetworkException>(() => resetClient.Customers.UpdateCustomersMetadataInBulkAsync(body));
        await refusedClient.Customers.UpdateCustomersMetadataInBulkAsync(body);

        Assert.True(error.RequestMayHaveReachedServer);
        Assert.Single(reset.Attempts);
        Assert.Equal(2, refused.Attempts.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    public async Task An_answer_that_is_retried_is_disposed_first(string? retryAfter)
    {
        var first = new TrackedContent();
        var answer = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = first };
        if (retryAfter != null) answer.Headers.Add("Retry-After", retryAfter);
        var transport = new ScriptedTransport().Then((_, _) => Task.FromResult(answer));
        using var client = transport.Client();

        await client.Customers.GetCustomerAsync("cust_1");

        // The network's body was copied into pooled memory and let go at once; the copy goes back before the retry.
        Assert.True(first.Disposed);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => answer.Content.ReadAsByteArrayAsync());
        Assert.Equal(2, transport.Attempts.Count);
    }

    [Fact]
    public async Task A_server_asking_for_no_wait_still_gets_the_backoff()
    {
        var transport = new ScriptedTransport().Then(HttpStatusCode.ServiceUnavailable, null, r => r.Headers.Add("Retry-After", "0"));

        var elapsed = await TimeGetCustomerAsync(transport, o => o.Retry.BaseDelay = o.Retry.MaxDelay = TimeSpan.FromMilliseconds(400));

        // At least half the 400 ms backoff (the jitter): "Retry-After: 0" is no reason to retry in a tight loop.
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(190), $"took {elapsed}");
        Assert.Equal(2, transport.Attempts.Count);
    }

    [Fact]
    public async Task A_server_wait_of_exactly_the_maximum_is_waited_and_retried()
    {
        var transport = new ScriptedTransport().Then(HttpStatusCode.ServiceUnavailable, null, r => r.Headers.Add("Retry-After", "1"));

        var elapsed = await TimeGetCustomerAsync(transport, o => o.Retry.MaxServerDelay = TimeSpan.FromSeconds(1));

        Assert.Equal(2, transport.Attempts.Count);
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(990), $"took {elapsed}");
    }

    [Fact]
    public async Task A_transport_that_fails_its_own_way_after_the_caller_cancelled_surfaces_as_the_cancellation()
    {
        // Some handlers answer a cancellation with their own error (a reset socket, an IOException) instead of an
        // OperationCanceledException: the caller still learns that it was its cancellation, with that error inside.
        var transport = new ScriptedTransport().Then(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            throw ScriptedTransport.Reset();
        });
        using var client = transport.Client();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Customers.GetCustomerAsync("cust_1", cancellation.Token));

        Assert.Equal("The request was cancelled.", error.Message);
        Assert.Equal(cancellation.Token, error.CancellationToken);
        var causes = new List<Exception>();
        for (var cause = error.InnerException; cause != null; cause = cause.InnerException) causes.Add(cause);
        Assert.Contains(causes, cause => cause is HttpRequestException);
        Assert.Single(transport.Attempts);
    }

    [Fact]
    public async Task Disposing_the_client_leaves_a_callers_handler_usable()
    {
        var transport = new ScriptedTransport();
        using (var client = transport.Client()) await client.Customers.GetCustomerAsync("cust_1");

        // The handler constructor borrows the transport: it is not disposed, and a second client over it still works.
        Assert.False(transport.Disposed);
        using var again = transport.Client();
        var customer = await again.Customers.GetCustomerAsync("cust_1");

        Assert.Equal("cust_1", customer.Id);
        Assert.Equal(2, transport.Attempts.Count);
    }

    [Fact]
    public async Task The_backoff_is_waited_after_a_network_failure_and_after_an_attempt_timeout()
    {
        var transport = new ScriptedTransport().ThenThrow(ScriptedTransport.Reset()).Then(Slow);

        var elapsed = await TimeGetCustomerAsync(transport, o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(50);
            o.Retry.BaseDelay = o.Retry.MaxDelay = TimeSpan.FromMilliseconds(300);
        });

        // Two waits of at least half the 300 ms delay (the jitter), plus the 50 ms attempt that timed out.
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(340), $"took {elapsed}");
        Assert.Equal(3, transport.Attempts.Count);
    }

    [Fact]
    public async Task A_caller_http_clients_own_timeout_is_an_attempt_timeout()
    {
        var transport = new ScriptedTransport().Then(Slow).Then(Slow).Then(Slow);
        using var http = new HttpClient(transport) { Timeout = TimeSpan.FromMilliseconds(100) };
        using var client = new VoucherifyClient(http, new VoucherifyClientOptions
        {
            ApplicationId = Samples.ApplicationId,
            SecretKey = Samples.SecretKey,
            BaseUri = new Uri("https://api.test.voucherify.io"),
            Retry = new RetryOptions { MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(1) },
        });

        var error = await Assert.ThrowsAsync<VoucherifyTimeoutException>(() => client.Customers.GetCustomerAsync("cust_1"));

        Assert.Equal((VoucherifyTimeoutScope.Attempt, 2), (error.Scope, error.Attempts));
    }

    [Fact]
    public async Task Through_a_caller_http_client_the_body_keeps_its_content_headers()
    {
        string? contentType = null;
        var transport = new ScriptedTransport().Then((request, _) =>
        {
            contentType = request.Content?.Headers.ContentType?.ToString();
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Samples.Customer, Encoding.UTF8, "application/json") });
        });
        using var http = new HttpClient(transport);
        using var client = new VoucherifyClient(http, new VoucherifyClientOptions { ApplicationId = Samples.ApplicationId, SecretKey = Samples.SecretKey, BaseUri = new Uri("https://api.test.voucherify.io") });

        await client.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "s" });

        Assert.Equal("application/json", contentType);
    }

    /// <summary>A body that tells whether it was disposed.</summary>
    private sealed class TrackedContent : StringContent
    {
        public TrackedContent()
            : base("{}", Encoding.UTF8, "application/json")
        {
        }

        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
