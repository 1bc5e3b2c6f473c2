using System.Diagnostics;
using System.Net;
using System.Text;
using Voucherify.IntegrationTests.Infrastructure;
using Voucherify.Sandbox;

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
        await using var sandbox = await Sandboxes.StartAsync(new VoucherifySandboxOptions
        {
            // A short window keeps Retry-After small (a client that honours it stays fast) yet long enough that all
            // three calls land in it even on a busy machine.
            RateLimit = new SandboxRateLimitOptions { PermitLimit = 2, Window = TimeSpan.FromSeconds(3) },
        });
        var options = sandbox.CreateClientOptions();
        options.Retry = new RetryOptions { MaxAttempts = 1 }; // the 429 itself is under test, not the retry
        using var client = sandbox.CheckedClient(options);
        await client.Customers.ListCustomersAsync();
        await client.Customers.ListCustomersAsync();

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => client.Customers.ListCustomersAsync());

        Assert.Equal((429, 429), (error.StatusCode, error.Code));
        Assert.Equal("Too many requests hit the API too quickly.", error.ApiMessage);
        Assert.InRange(int.Parse(error.Headers["Retry-After"].Single()), 1, 3);
        Assert.Equal(["2"], error.Headers["X-Rate-Limit-Limit"]);
        Assert.Equal(["0"], error.Headers["X-Rate-Limit-Remaining"]);
        Assert.Equal(["api_calls"], error.Headers["X-Rate-Limit-Type"]);
        var retryAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(error.Headers["X-Rate-Limit-Retry"].Single()));
        Assert.InRange(retryAt, DateTimeOffset.UtcNow.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(4));
    }

    [Fact]
    public async Task With_the_default_retries_a_429_is_waited_out_and_the_call_succeeds()
    {
        await using var sandbox = await Sandboxes.StartAsync(new VoucherifySandboxOptions
        {
            // Long enough that the second call surely lands in the first call's window; short enough to wait out.
            RateLimit = new SandboxRateLimitOptions { PermitLimit = 1, Window = TimeSpan.FromSeconds(3) },
        });
        var transport = new SpecCheckingHandler(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var client = new VoucherifyClient(sandbox.CreateClientOptions(), transport);
        // Loading the spec on a busy machine can outlast the window; done first, it cannot fall between the two calls.
        _ = SpecResponseValidator.Shared;
        await client.Customers.ListCustomerSegmentsAsync("a");

        var segments = await client.Customers.ListCustomerSegmentsAsync("b");

        Assert.Equal(0, segments.Total);
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
