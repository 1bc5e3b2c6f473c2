using System.Diagnostics;
using System.Net;
using System.Text;
using System.Globalization;
using Voucherify.IntegrationTests.Infrastructure;
using Voucherify.Sandbox;
using Voucherify.Testing;

namespace Voucherify.IntegrationTests;

public sealed class SimulatedFaultTests
{
    private const string TooLargeBody =
        "{\"statusCode\":413,\"error\":\"Request Entity Too Large\",\"message\":\"Payload content length greater than maximum allowed: 10485760\"}";

    [Fact]
    public async Task A_wrong_secret_key_is_a_401_in_the_api_error_shape_that_never_echoes_the_key()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        var options = sandbox.CreateClientOptions();
        options.SecretKey = "wrong-secret-123";
        using var client = sandbox.CheckedClient(options);

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => client.Customers.ListCustomersAsync());

        Assert.Equal((401, 401, "unauthorized"), (error.StatusCode, error.Code, error.Key));
        Assert.StartsWith("v-", error.RequestId);
        Assert.DoesNotContain("wrong-secret-123", error.Message);
        Assert.DoesNotContain("wrong-secret-123", error.ResponseBody);
    }

    [Fact]
    public async Task A_missing_customer_is_a_404_naming_the_id_and_the_resource_type()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => client.Customers.UpdateCustomerAsync("ghost@example.com", new CustomerUpdateOptions { Name = "X" }));

        Assert.Equal((404, "not_found", "Resource not found"), (error.StatusCode, error.Key, error.ApiMessage));
        Assert.Equal(("ghost@example.com", "customer"), (error.ResourceId, error.ResourceType));
        Assert.Equal("Cannot find customer with id ghost@example.com", error.Details);
    }

    [Fact]
    public async Task A_bulk_update_over_10_MB_is_a_413_in_the_gateway_shape()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var http = sandbox.RawHttpClient();
        var json = "[{\"source_id\":\"big\",\"description\":\"" + new string('x', 11 * 1024 * 1024) + "\"}]";

        using var response = await http.PostAsync("v1/customers/bulk/async", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(TooLargeBody, await response.Content.ReadAsStringAsync());
        using var client = sandbox.CheckedClient();
        Assert.Equal(0, (await client.Customers.ListCustomersAsync()).Total);
    }

    [Fact]
    public async Task The_client_and_the_sandbox_draw_the_10_MB_line_at_the_same_byte()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();
        using var http = sandbox.RawHttpClient();
        static CustomerMetadataBulkUpdateOptions Body(int padding) => new()
        {
            SourceIds = ["m-1"],
            Metadata = new Dictionary<string, object> { ["note"] = new string('y', padding) },
        };
        // {"source_ids":["m-1"],"metadata":{"note":"…"}} is 45 bytes around the padding.
        const int atTheLimit = 10_485_760 - 45;
        static StringContent Raw(int padding) => new(
            "{\"source_ids\":[\"m-1\"],\"metadata\":{\"note\":\"" + new string('y', padding) + "\"}}", Encoding.UTF8, "application/json");

        var accepted = await client.Customers.UpdateCustomersMetadataInBulkAsync(Body(atTheLimit));
        var refusedByClient = await Assert.ThrowsAsync<VoucherifyPayloadTooLargeException>(() => client.Customers.UpdateCustomersMetadataInBulkAsync(Body(atTheLimit + 1)));
        using var rawAtTheLimit = await http.PostAsync("v1/customers/metadata/async", Raw(atTheLimit));
        using var rawOverTheLimit = await http.PostAsync("v1/customers/metadata/async", Raw(atTheLimit + 1));

        Assert.StartsWith("aa_", accepted.AsyncActionId);
        Assert.Contains("10485761 bytes", refusedByClient.Message);
        Assert.Equal(HttpStatusCode.Accepted, rawAtTheLimit.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, rawOverTheLimit.StatusCode);
        Assert.Equal(TooLargeBody, await rawOverTheLimit.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_streamed_bulk_body_without_a_length_is_cut_off_at_10_MB_with_a_413()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var http = sandbox.RawHttpClient();
        var content = new UnknownLengthContent("[{\"source_id\":\"s\",\"description\":\"" + new string('z', 11 * 1024 * 1024) + "\"}]");

        using var response = await http.PostAsync("v1/customers/bulk/async", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(TooLargeBody, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Over_the_rate_limit_the_client_gets_a_429_with_retry_after_and_rate_limit_headers()
    {
        // Sandbox and client on one clock the test moves: every call lands in the first window, however slow the machine.
        var clock = new ControlledClock();
        await using var sandbox = await Sandboxes.StartAsync(new VoucherifySandboxOptions
        {
            RateLimit = new SandboxRateLimitOptions { PermitLimit = 2, Window = TimeSpan.FromSeconds(3) },
            TimeProvider = clock,
        });
        var options = sandbox.CreateClientOptions();
        options.Retry = new RetryOptions { MaxAttempts = 1 }; // the 429 itself is under test, not the retry
        options.TimeProvider = clock;
        using var client = sandbox.CheckedClient(options);
        await client.Customers.ListCustomersAsync();
        clock.Advance(TimeSpan.FromSeconds(1.25));
        await client.Customers.ListCustomersAsync();

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => client.Customers.ListCustomersAsync());

        Assert.Equal((429, 429), (error.StatusCode, error.Code));
        Assert.Equal("Too many requests hit the API too quickly.", error.ApiMessage);
        Assert.Equal(["2"], error.Headers["Retry-After"]); // 1.75 s left in the window, rounded up
        Assert.Equal(["2"], error.Headers["X-Rate-Limit-Limit"]);
        Assert.Equal(["0"], error.Headers["X-Rate-Limit-Remaining"]);
        Assert.Equal(["api_calls"], error.Headers["X-Rate-Limit-Type"]);
        var windowEnd = clock.Start.AddSeconds(3);
        Assert.Equal([windowEnd.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)], error.Headers["X-Rate-Limit-Retry"]);
    }

    [Fact]
    public async Task X_Rate_Limit_Retry_is_never_before_the_windows_end_when_it_ends_between_whole_seconds()
    {
        var clock = new ControlledClock();
        clock.Advance(TimeSpan.FromMilliseconds(400)); // the window starts, and so ends, 0.4 s past a whole second
        await using var sandbox = await Sandboxes.StartAsync(new VoucherifySandboxOptions
        {
            RateLimit = new SandboxRateLimitOptions { PermitLimit = 1, Window = TimeSpan.FromSeconds(3) },
            TimeProvider = clock,
        });
        var options = sandbox.CreateClientOptions();
        options.Retry = new RetryOptions { MaxAttempts = 1 };
        using var client = sandbox.CheckedClient(options);
        await client.Customers.ListCustomersAsync();

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => client.Customers.ListCustomersAsync());

        var retryAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(error.Headers["X-Rate-Limit-Retry"].Single(), CultureInfo.InvariantCulture));
        Assert.Equal(clock.Start.AddSeconds(4), retryAt); // the window ends at 3.4 s: the next whole second, not the one before
    }

    [Fact]
    public async Task With_the_default_retries_a_429_is_waited_out_and_the_call_succeeds()
    {
        var clock = new ControlledClock();
        await using var sandbox = await Sandboxes.StartAsync(new VoucherifySandboxOptions
        {
            RateLimit = new SandboxRateLimitOptions { PermitLimit = 1, Window = TimeSpan.FromSeconds(3) },
            TimeProvider = clock,
        });
        var transport = new SpecCheckingHandler(new SocketsHttpHandler { AllowAutoRedirect = false });
        var options = sandbox.CreateClientOptions();
        options.TimeProvider = clock;
        using var client = new VoucherifyClient(options, transport);
        await client.Customers.ListCustomerSegmentsAsync("a");

        var segments = client.Customers.ListCustomerSegmentsAsync("b");
        // The 429 asks for the 3 s left in the window; the client waits exactly that on the clock, then asks again.
        await clock.AdvanceWhenStartedAsync(TimeSpan.FromSeconds(3), count: 1);

        Assert.Equal(0, (await segments).Total);
        Assert.Equal([200, 429, 200], transport.StatusCodes);
    }

    [Fact]
    public async Task Every_response_under_a_rate_limit_counts_down_the_remaining_requests()
    {
        await using var sandbox = await Sandboxes.StartAsync(new VoucherifySandboxOptions
        {
            RateLimit = new SandboxRateLimitOptions { PermitLimit = 3, Window = TimeSpan.FromMinutes(1) },
        });
        using var http = sandbox.RawHttpClient();

        var remaining = new List<string>();
        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await http.GetAsync("v1/customers");
            statuses.Add((int)response.StatusCode);
            remaining.Add(response.Headers.GetValues("X-Rate-Limit-Remaining").Single());
        }

        Assert.Equal([200, 200, 200, 429], statuses);
        Assert.Equal(["2", "1", "0", "0"], remaining);
    }

    [Fact]
    public async Task Latency_delays_every_response()
    {
        await using var sandbox = await Sandboxes.StartAsync(new VoucherifySandboxOptions { Latency = TimeSpan.FromMilliseconds(300) });
        using var client = sandbox.CheckedClient();

        var clock = Stopwatch.StartNew();
        await client.Customers.ListCustomerSegmentsAsync("anyone");

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(290), $"answered after {clock.ElapsedMilliseconds} ms");
    }

    /// <summary>A body sent with chunked transfer encoding, as a streaming producer would send it.</summary>
    private sealed class UnknownLengthContent(string text) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            stream.WriteAsync(Encoding.UTF8.GetBytes(text)).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
