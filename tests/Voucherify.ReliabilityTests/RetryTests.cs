using System.Net;
using Voucherify.Http;

namespace Voucherify.ReliabilityTests;

public class RetryTests
{
    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Transient_status_is_retried_and_the_call_succeeds(int status)
    {
        var transport = new ScriptedTransport().Then((HttpStatusCode)status, "{}");
        using var client = transport.Client();

        var customer = await client.Customers.GetCustomerAsync("cust_1");

        Assert.Equal("cust_1", customer.Id);
        Assert.Equal(2, transport.Attempts.Count);
        Assert.All(transport.Attempts, a => Assert.Equal(Samples.SecretKey, a.Token));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(402)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(413)]
    [InlineData(422)]
    public async Task Other_client_errors_are_never_retried(int status)
    {
        var transport = new ScriptedTransport().Then((HttpStatusCode)status, """{"code":400,"key":"invalid_payload","message":"Bad"}""");
        using var client = transport.Client();

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => client.Customers.GetCustomerAsync("cust_1"));

        Assert.Equal(status, error.StatusCode);
        Assert.Single(transport.Attempts);
    }

    [Fact]
    public async Task Retries_stop_at_max_attempts_and_the_last_error_surfaces()
    {
        var transport = new ScriptedTransport().Then(HttpStatusCode.BadGateway).Then(HttpStatusCode.BadGateway).Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.OK, Samples.Customer);
        using var client = transport.Client();

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => client.Customers.GetCustomerAsync("cust_1"));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(3, transport.Attempts.Count);
    }

    [Fact]
    public async Task Server_wait_beyond_the_maximum_fails_at_once_with_the_rate_limit_details()
    {
        var retryAt = DateTimeOffset.UtcNow.AddMinutes(10);
        var transport = new ScriptedTransport().Then(HttpStatusCode.TooManyRequests, Samples.RateLimited, r =>
        {
            r.Headers.Add("X-Rate-Limit-Limit", "100");
            r.Headers.Add("X-Rate-Limit-Remaining", "0");
            r.Headers.Add("X-Rate-Limit-Retry", retryAt.ToUnixTimeSeconds().ToString());
            r.Headers.Add("X-Rate-Limit-Type", "api_calls");
        });
        using var client = transport.Client();

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => client.Customers.ListCustomersAsync());

        Assert.Single(transport.Attempts);
        Assert.Equal(429, error.StatusCode);
        Assert.NotNull(error.RateLimit);
        Assert.Equal(100, error.RateLimit!.Limit);
        Assert.Equal(0, error.RateLimit.Remaining);
        Assert.Equal(retryAt.ToUnixTimeSeconds(), error.RateLimit.RetryAt!.Value.ToUnixTimeSeconds());
        Assert.Equal("api_calls", error.RateLimit.LimitType);
        Assert.Equal(0, client.RateLimit!.Remaining);
    }

    [Fact]
    public async Task Retry_after_longer_than_the_maximum_is_not_slept_through()
    {
        var transport = new ScriptedTransport().Then(HttpStatusCode.ServiceUnavailable, null, r => r.Headers.Add("Retry-After", "3600"));
        using var client = transport.Client();

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => client.Customers.GetCustomerAsync("cust_1"));

        Assert.Equal(TimeSpan.FromHours(1), error.RateLimit!.RetryAfter);
        Assert.Single(transport.Attempts);
    }

    [Fact]
    public async Task Billing_cycle_quota_429_is_not_retried()
    {
        var transport = new ScriptedTransport().Then(HttpStatusCode.TooManyRequests, Samples.RateLimited, r =>
        {
            r.Headers.Add("Retry-After", "1");
            r.Headers.Add("X-Rate-Limit-Type", "api_calls_cycle");
        });
        using var client = transport.Client();

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => client.Customers.GetCustomerAsync("cust_1"));

        Assert.Equal("api_calls_cycle", error.RateLimit!.LimitType);
        Assert.Single(transport.Attempts);
    }

    [Fact]
    public void Retry_after_is_read_as_seconds_or_as_an_http_date_and_rate_limit_retry_as_epoch_seconds()
    {
        var now = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
        var seconds = RateLimitInfo.FromHeaders(new Dictionary<string, IEnumerable<string>> { ["retry-after"] = new[] { "120" } }, now)!;
        var date = RateLimitInfo.FromHeaders(new Dictionary<string, IEnumerable<string>> { ["Retry-After"] = new[] { now.AddSeconds(90).ToString("r") } }, now)!;
        var epoch = RateLimitInfo.FromHeaders(new Dictionary<string, IEnumerable<string>> { ["X-Rate-Limit-Retry"] = new[] { now.AddSeconds(45).ToUnixTimeSeconds().ToString() } }, now)!;
        var junk = RateLimitInfo.FromHeaders(new Dictionary<string, IEnumerable<string>> { ["X-Rate-Limit-Retry"] = new[] { "99999999999999999999" }, ["Retry-After"] = new[] { "soon" } }, now)!;

        Assert.Equal(TimeSpan.FromSeconds(120), RetryDelay.ServerRequested(503, seconds));
        Assert.Equal(TimeSpan.FromSeconds(90), RetryDelay.ServerRequested(503, date));
        Assert.Equal(TimeSpan.FromSeconds(45), RetryDelay.ServerRequested(429, epoch));
        // Every response carries X-Rate-Limit-Retry; only a 429 is about it.
        Assert.Null(RetryDelay.ServerRequested(503, epoch));
        Assert.Null(RetryDelay.ServerRequested(429, junk));
        Assert.Null(RateLimitInfo.FromHeaders(new Dictionary<string, IEnumerable<string>> { ["Content-Type"] = new[] { "application/json" } }, now));
    }

    [Fact]
    public async Task Create_customer_is_replayed_only_when_the_body_names_the_customer()
    {
        var withSourceId = new ScriptedTransport().Then(HttpStatusCode.InternalServerError);
        var withId = new ScriptedTransport().ThenThrow(ScriptedTransport.Reset());
        var anonymous = new ScriptedTransport().Then(HttpStatusCode.InternalServerError);
        using (var client = withSourceId.Client()) await client.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "alice@example.com" });
        using (var client = withId.Client()) await client.Customers.CreateCustomerAsync(new CustomerCreateOptions { Id = "cust_1" });
        using (var client = anonymous.Client()) await Assert.ThrowsAsync<VoucherifyApiException>(() => client.Customers.CreateCustomerAsync(new CustomerCreateOptions { Name = "Anonymous" }));

        Assert.Equal(2, withSourceId.Attempts.Count);
        Assert.Equal(withSourceId.Attempts[0].Body, withSourceId.Attempts[1].Body);
        Assert.Equal(2, withId.Attempts.Count);
        Assert.Single(anonymous.Attempts);
    }

    [Fact]
    public async Task Job_post_is_replayed_after_a_refused_connection_but_not_after_a_reset()
    {
        var refused = new ScriptedTransport { FallbackBody = Samples.AsyncStarted, FallbackStatus = HttpStatusCode.Accepted }.ThenThrow(ScriptedTransport.Refused()).Then(HttpStatusCode.Accepted, Samples.AsyncStarted);
        var reset = new ScriptedTransport { FallbackBody = Samples.AsyncStarted, FallbackStatus = HttpStatusCode.Accepted }.ThenThrow(ScriptedTransport.Reset());
        var items = new[] { new CustomerBulkUpdateItem { SourceId = "alice@example.com", Name = "Alice" } };

        using (var client = refused.Client()) Assert.Equal("aa_1", (await client.Customers.UpdateCustomersInBulkAsync(items)).AsyncActionId);
        using var resetClient = reset.Client();
        var error = await Assert.ThrowsAsync<VoucherifyNetworkException>(() => resetClient.Customers.UpdateCustomersInBulkAsync(items));

        Assert.Equal(2, refused.Attempts.Count);
        Assert.Equal(refused.Attempts[0].Body, refused.Attempts[1].Body);
        Assert.Single(reset.Attempts);
        Assert.True(error.RequestMayHaveReachedServer);
        Assert.Equal("POST /v1/customers/bulk/async", error.Operation);
        Assert.Contains("not repeated", error.Message);
    }

    [Fact]
    public async Task Seekable_csv_stream_is_rewound_for_the_replay_and_a_forward_only_one_is_never_replayed()
    {
        var seekable = new ScriptedTransport { FallbackBody = Samples.AsyncStarted, FallbackStatus = HttpStatusCode.Accepted }.ThenThrow(ScriptedTransport.Refused()).Then(HttpStatusCode.Accepted, Samples.AsyncStarted);
        var forwardOnly = new ScriptedTransport { FallbackBody = Samples.AsyncStarted, FallbackStatus = HttpStatusCode.Accepted }.ThenThrow(ScriptedTransport.Refused());

        using (var client = seekable.Client()) await client.Customers.ImportCustomersFromCsvAsync(new MemoryStream(OperationSamples.Csv()), "customers.csv");
        using var forwardClient = forwardOnly.Client();
        var error = await Assert.ThrowsAsync<VoucherifyNetworkException>(() => forwardClient.Customers.ImportCustomersFromCsvAsync(new OperationSamples.ForwardOnlyStream(OperationSamples.Csv()), "customers.csv"));

        Assert.Equal(2, seekable.Attempts.Count);
        // The transport read the whole body on the first attempt; the replay carries it complete again.
        Assert.Equal(seekable.Attempts[0].Body, seekable.Attempts[1].Body);
        Assert.Contains("alice@example.com,Alice", System.Text.Encoding.UTF8.GetString(seekable.Attempts[1].Body));
        Assert.Single(forwardOnly.Attempts);
        Assert.False(error.RequestMayHaveReachedServer);
    }

    [Fact]
    public async Task A_caller_supplied_http_client_gets_the_same_retries_with_every_attempt_signed()
    {
        var transport = new ScriptedTransport().Then(HttpStatusCode.ServiceUnavailable).ThenThrow(ScriptedTransport.Reset());
        using var http = new HttpClient(transport);
        using var client = new VoucherifyClient(http, new VoucherifyClientOptions
        {
            ApplicationId = Samples.ApplicationId,
            SecretKey = Samples.SecretKey,
            BaseUri = new Uri("https://api.test.voucherify.io"),
            Retry = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) },
        });

        var customer = await client.Customers.UpdateCustomerAsync("cust_1", new CustomerUpdateOptions { Name = "Alice" });

        Assert.Equal("cust_1", customer.Id);
        Assert.Equal(3, transport.Attempts.Count);
        Assert.All(transport.Attempts, a => Assert.Equal(Samples.SecretKey, a.Token));
        Assert.All(transport.Attempts, a => Assert.Equal(transport.Attempts[0].Body, a.Body));
    }

    [Fact]
    public async Task Rate_limit_snapshot_follows_the_latest_response()
    {
        var transport = new ScriptedTransport()
            .Then(HttpStatusCode.OK, Samples.Customer, r => { r.Headers.Add("X-Rate-Limit-Limit", "100"); r.Headers.Add("X-Rate-Limit-Remaining", "7"); })
            .Then(HttpStatusCode.OK, Samples.Customer, r => { r.Headers.Add("X-Rate-Limit-Limit", "100"); r.Headers.Add("X-Rate-Limit-Remaining", "6"); });
        using var client = transport.Client();
        Assert.Null(client.RateLimit);

        await client.Customers.GetCustomerAsync("cust_1");
        Assert.Equal(7, client.RateLimit!.Remaining);
        await client.Customers.GetCustomerAsync("cust_1");
        Assert.Equal(6, client.RateLimit!.Remaining);
        Assert.Equal(100, client.RateLimit.Limit);
    }

    [Fact]
    public void Invalid_retry_and_timeout_settings_are_rejected_when_the_client_is_created()
    {
        VoucherifyClient Create(Action<VoucherifyClientOptions> change) => new ScriptedTransport().Client(change);

        Assert.Throws<ArgumentOutOfRangeException>(() => Create(o => o.Retry.MaxAttempts = 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(o => o.Retry.MaxDelay = TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(o => o.AttemptTimeout = TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(o => o.CallTimeout = TimeSpan.FromSeconds(-5)));
        Assert.Throws<ArgumentException>(() => Create(o => o.Retry = null!));
        using var infinite = Create(o => { o.AttemptTimeout = Timeout.InfiniteTimeSpan; o.CallTimeout = Timeout.InfiniteTimeSpan; });
        Assert.NotNull(infinite);
    }
}
