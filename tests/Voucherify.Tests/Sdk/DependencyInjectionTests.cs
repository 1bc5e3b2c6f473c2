extern alias VoucherifyDI;

using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RichardSzalay.MockHttp;
using VoucherifyDI::Voucherify.Extensions.DependencyInjection;

namespace Voucherify.Tests.Sdk;

public class DependencyInjectionTests
{
    private static IConfiguration Configuration() => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Voucherify:ApplicationId"] = TestClient.ApplicationId,
            ["Voucherify:SecretKey"] = TestClient.SecretKey,
            ["Voucherify:BaseUri"] = TestClient.BaseUrl,
        })
        .Build();

    private static ServiceCollection LoggingTo(CapturingLoggerProvider logs, LogLevel level)
    {
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddProvider(logs).SetMinimumLevel(level));
        return services;
    }

    /// <summary>The client registered against a running sandbox, as an app's configuration would point it there.</summary>
    private static IHttpClientBuilder AddVoucherifyFor(IServiceCollection services, Voucherify.Sandbox.VoucherifySandbox sandbox)
    {
        var sandboxOptions = sandbox.CreateClientOptions();
        return services.AddVoucherify(options =>
        {
            options.ApplicationId = sandboxOptions.ApplicationId;
            options.SecretKey = sandboxOptions.SecretKey;
            options.BaseUri = sandboxOptions.BaseUri;
        });
    }

    /// <summary>Records the requests it passes on, as a caller's own handler would see them.</summary>
    private sealed class RecordingHandler : DelegatingHandler
    {
        public List<HttpRequestMessage> Seen { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen.Add(request);
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Fact]
    public void Binds_the_options_from_configuration_and_resolves_one_client_behind_every_interface()
    {
        var services = new ServiceCollection();
        services.AddVoucherify(Configuration().GetSection("Voucherify"));
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<VoucherifyClient>();
        Assert.Equal(TestClient.ApplicationId, client.Options.ApplicationId);
        Assert.Equal(new Uri(TestClient.BaseUrl), client.Options.BaseUri);
        Assert.Same(client, provider.GetRequiredService<IVoucherifyClient>());
        Assert.Same(client.Customers, provider.GetRequiredService<ICustomersClient>());
        Assert.Same(client.Customers, provider.GetRequiredService<CustomersClient>());
        Assert.Same(client.AsyncActions, provider.GetRequiredService<IAsyncActionsClient>());
        Assert.Same(client, provider.GetRequiredService<VoucherifyClient>());
    }

    [Fact]
    public async Task Callers_handlers_run_below_the_librarys_pipeline_so_they_see_signed_requests()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect($"{TestClient.BaseUrl}/v1/customers/cust_1").Respond("application/json", """{"id":"cust_1"}""");
        var recording = new RecordingHandler();
        var services = new ServiceCollection();
        services.AddVoucherify(options =>
            {
                options.ApplicationId = TestClient.ApplicationId;
                options.SecretKey = TestClient.SecretKey;
                options.BaseUri = new Uri(TestClient.BaseUrl);
            })
            .AddHttpMessageHandler(() => recording)
            .ConfigurePrimaryHttpMessageHandler(() => mock);
        using var provider = services.BuildServiceProvider();

        var customer = await provider.GetRequiredService<ICustomersClient>().GetCustomerAsync("cust_1");

        Assert.Equal("cust_1", customer.Id);
        mock.VerifyNoOutstandingExpectation();
        var request = Assert.Single(recording.Seen);
        Assert.Equal(TestClient.ApplicationId, Assert.Single(request.Headers.GetValues("X-App-Id")));
    }

    [Fact]
    public async Task The_request_id_of_an_error_body_sent_chunked_is_logged_like_the_exception_carries_it()
    {
        // The sandbox writes its JSON errors without a Content-Length (chunked), over a real socket.
        await using var sandbox = await Voucherify.Sandbox.VoucherifySandbox.StartAsync();
        var logs = new CapturingLoggerProvider();
        var services = LoggingTo(logs, LogLevel.Information);
        AddVoucherifyFor(services, sandbox);
        using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => provider.GetRequiredService<ICustomersClient>().GetCustomerAsync("nobody"));

        Assert.StartsWith("v-", error.RequestId);
        var logged = Assert.Single(logs.Entries, e => e.Category == VoucherifyServiceCollectionExtensions.LoggerCategory);
        Assert.Equal(error.RequestId, logged["RequestId"]);
        Assert.EndsWith($"(attempt 1, request id {error.RequestId})", logged.Message);
    }

    [Fact]
    public async Task A_chunked_error_body_too_long_to_log_is_passed_on_to_the_client_unchanged()
    {
        var logs = new CapturingLoggerProvider();
        var mock = new MockHttpMessageHandler();
        // 70 000 characters of details: past the 64 KB the handler reads for logging (and the client keeps).
        var body = "{\"code\":500,\"key\":\"error\",\"details\":\"" + new string('x', 70_000) + "\",\"request_id\":\"v-at-the-end\"}";
        mock.When($"{TestClient.BaseUrl}/v1/customers/cust_1").Respond(() => Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            // A stream of unknown length: what a chunked response looks like to a handler.
            Content = new StreamContent(new UnknownLengthStream(System.Text.Encoding.UTF8.GetBytes(body))),
        }));
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Information));
        services.AddVoucherify(Configuration().GetSection("Voucherify")).ConfigurePrimaryHttpMessageHandler(() => mock);
        using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => provider.GetRequiredService<ICustomersClient>().GetCustomerAsync("cust_1"));

        // The client keeps the first 64 K characters: exactly the body's, though the handler had read past them.
        Assert.Equal(body[..(64 * 1024)], error.ResponseBody);
        var logged = Assert.Single(logs.Entries, e => e.Category == VoucherifyServiceCollectionExtensions.LoggerCategory);
        Assert.Equal(400, logged["StatusCode"]);
        Assert.Null(logged["RequestId"]);
    }

    [Theory]
    [InlineData("""{"code":404,"request_id":12345}""", "12345")]
    [InlineData("""{"code":"404","request_id":"v-1","error":{"message":"x"}}""", "v-1")]
    [InlineData("""["not","an","object"]""", null)]
    public async Task The_log_reads_the_request_id_with_the_exceptions_parser(string body, string? expected)
    {
        var logs = new CapturingLoggerProvider();
        var mock = new MockHttpMessageHandler();
        mock.When($"{TestClient.BaseUrl}/v1/customers/cust_1").Respond(HttpStatusCode.NotFound, "application/json", body);
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Information));
        services.AddVoucherify(Configuration().GetSection("Voucherify")).ConfigurePrimaryHttpMessageHandler(() => mock);
        using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => provider.GetRequiredService<ICustomersClient>().GetCustomerAsync("cust_1"));

        Assert.Equal(expected, error.RequestId);
        Assert.Equal(expected, Assert.Single(logs.Entries, e => e.Category == VoucherifyServiceCollectionExtensions.LoggerCategory)["RequestId"]);
    }

    /// <summary>A body whose length nobody knows in advance, as a chunked response's is.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }

    [Fact]
    public async Task Logs_one_redacted_event_per_request_and_never_the_secret_key_or_personal_data()
    {
        var logs = new CapturingLoggerProvider();
        var mock = new MockHttpMessageHandler();
        mock.When($"{TestClient.BaseUrl}/v1/customers").Respond("application/json", """{"object":"list","customers":[],"total":0}""");
        mock.When($"{TestClient.BaseUrl}/v1/customers/alice%40example.com").Respond(HttpStatusCode.NotFound, "application/json",
            """{"code":404,"key":"not_found","message":"Resource not found","request_id":"v-0abc"}""");
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddVoucherify(Configuration().GetSection("Voucherify")).ConfigurePrimaryHttpMessageHandler(() => mock);
        using var provider = services.BuildServiceProvider();
        var customers = provider.GetRequiredService<ICustomersClient>();

        await customers.ListCustomersAsync(limit: 5, email: "alice@example.com", name: "Alice Smith", city: "Kraków");
        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => customers.GetCustomerAsync("alice@example.com"));

        Assert.Equal("v-0abc", error.RequestId); // the body is still readable after the handler looked at it
        var events = logs.Entries.Where(e => e.Category == VoucherifyServiceCollectionExtensions.LoggerCategory).ToList();
        Assert.Equal(2, events.Count);
        var list = events[0];
        Assert.Equal(LogLevel.Information, list.Level);
        Assert.Equal("GET", list["Method"]);
        Assert.Equal("/v1/customers", list["Route"]);
        Assert.Equal("?limit=5&email=***&city=***&name=***", list["Query"]);
        Assert.Equal(200, list["StatusCode"]);
        Assert.Equal(1, list["Attempt"]);
        var get = events[1];
        Assert.Equal(LogLevel.Warning, get.Level);
        Assert.Equal("/v1/customers/{customerId}", get["Route"]);
        Assert.Equal(404, get["StatusCode"]);
        Assert.Equal("v-0abc", get["RequestId"]);
        Assert.Equal("Voucherify GET /v1/customers/{customerId} -> 404 in " + get["ElapsedMs"] + " ms (attempt 1, request id v-0abc)", get.Message);
        // No event of any category (the factory's own logging included) may carry the secret or the personal data.
        Assert.All(logs.Entries, e =>
        {
            Assert.DoesNotContain(TestClient.SecretKey, e.AllText);
            Assert.DoesNotContain("alice", e.AllText, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Smith", e.AllText);
            Assert.DoesNotContain("Krak", e.AllText);
        });
    }

    [Fact]
    public async Task A_call_retried_by_the_library_logs_each_attempt_through_the_factory_chain()
    {
        var logs = new CapturingLoggerProvider();
        var mock = new MockHttpMessageHandler();
        mock.Expect($"{TestClient.BaseUrl}/v1/customers/cust_1").Respond(HttpStatusCode.ServiceUnavailable);
        mock.Expect($"{TestClient.BaseUrl}/v1/customers/cust_1").Respond("application/json", """{"id":"cust_1"}""");
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddProvider(logs));
        services.AddVoucherify(options =>
            {
                options.ApplicationId = TestClient.ApplicationId;
                options.SecretKey = TestClient.SecretKey;
                options.BaseUri = new Uri(TestClient.BaseUrl);
                options.Retry = new RetryOptions { MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(1) };
            })
            .ConfigurePrimaryHttpMessageHandler(() => mock);
        using var provider = services.BuildServiceProvider();

        var customer = await provider.GetRequiredService<ICustomersClient>().GetCustomerAsync("cust_1");

        Assert.Equal("cust_1", customer.Id);
        var events = logs.Entries.Where(e => e.Category == VoucherifyServiceCollectionExtensions.LoggerCategory).ToList();
        Assert.Equal(new object?[] { (1, 503), (2, 200) }, events.Select(e => (object?)((int)e["Attempt"]!, (int)e["StatusCode"]!)));
    }

    [Fact]
    public async Task Each_attempt_of_a_resent_request_is_its_own_event_with_its_number()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(logs));
        var mock = new MockHttpMessageHandler();
        mock.When("https://api.test/v1/customers/cust_1").Respond(HttpStatusCode.ServiceUnavailable);
        using var invoker = new HttpMessageInvoker(new VoucherifyLoggingHandler(factory.CreateLogger("test"), new VoucherifyLoggingOptions(), TestClient.Options("https://api.test")) { InnerHandler = mock });
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.test/v1/customers/cust_1");

        // A retrying handler above sends the same message again.
        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();
        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        Assert.Equal(new object?[] { 1, 2 }, logs.Entries.Select(e => e["Attempt"]));
        Assert.All(logs.Entries, e => Assert.Equal(503, e["StatusCode"]));
    }

    private static (ServiceProvider Provider, CapturingLoggerProvider Logs) CreateWithBodyLogging(bool logBodies)
    {
        var logs = new CapturingLoggerProvider();
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Post, $"{TestClient.BaseUrl}/v1/customers").Respond("application/json", """{"id":"cust_1","source_id":"crm-1"}""");
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddVoucherify(Configuration().GetSection("Voucherify")).ConfigurePrimaryHttpMessageHandler(() => mock);
        services.Configure<VoucherifyLoggingOptions>(options => { options.LogBodies = logBodies; options.MaxBodyLength = 21; });
        return (services.BuildServiceProvider(), logs);
    }

    [Fact]
    public async Task Bodies_are_not_logged_by_default_even_at_trace_level()
    {
        var (provider, logs) = CreateWithBodyLogging(logBodies: false);
        using var _ = provider;

        await provider.GetRequiredService<ICustomersClient>().CreateCustomerAsync(new CustomerCreateOptions { SourceId = "crm-1" });

        Assert.Single(logs.Entries, e => e.Category == VoucherifyServiceCollectionExtensions.LoggerCategory);
        Assert.DoesNotContain(logs.Entries, e => e.AllText.Contains("crm-1"));
    }

    [Fact]
    public async Task Opted_in_bodies_are_debug_events_cut_to_the_configured_length()
    {
        var (provider, logs) = CreateWithBodyLogging(logBodies: true);
        using var _ = provider;

        var created = await provider.GetRequiredService<ICustomersClient>().CreateCustomerAsync(new CustomerCreateOptions { SourceId = "crm-1" });

        Assert.Equal("cust_1", created.Id); // the response is still readable after being logged
        var events = logs.Entries.Where(e => e.Category == VoucherifyServiceCollectionExtensions.LoggerCategory).ToList();
        Assert.Equal(new[] { "VoucherifyRequestBody", "VoucherifyResponseBody", "VoucherifyRequestCompleted" }, events.Select(e => e.EventId.Name));
        Assert.Equal(LogLevel.Debug, events[0].Level);
        Assert.Equal("{\"source_id\":\"crm-1\"}", events[0]["Body"]);
        Assert.Equal("{\"id\":\"cust_1\",\"sourc… (35 characters)", events[1]["Body"]);
        Assert.Equal("/v1/customers", events[1]["Route"]);
        Assert.All(logs.Entries, e => Assert.DoesNotContain(TestClient.SecretKey, e.AllText));
    }

    [Theory]
    [InlineData(40)]
    [InlineData(400_000)]
    public async Task A_chunked_response_body_is_logged_up_to_the_configured_length_and_still_read_whole_by_the_client(int maxBodyLength)
    {
        // The sandbox sends a JSON answer over its 256 KB response buffer chunked (no Content-Length), over a real socket;
        // a smaller one goes out with its length.
        await using var sandbox = await Voucherify.Sandbox.VoucherifySandbox.StartAsync();
        var logs = new CapturingLoggerProvider();
        var services = LoggingTo(logs, LogLevel.Debug);
        AddVoucherifyFor(services, sandbox);
        services.Configure<VoucherifyLoggingOptions>(options => { options.LogBodies = true; options.MaxBodyLength = maxBodyLength; });
        using var provider = services.BuildServiceProvider();
        var customers = provider.GetRequiredService<ICustomersClient>();
        await customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "crm-chunked", Name = new string('n', 300_000) });

        var customer = await customers.GetCustomerAsync("crm-chunked");

        Assert.Equal(new string('n', 300_000), customer.Name); // the client read the whole body after the log read its start
        var logged = (string)Assert.Single(logs.Entries, e => e.EventId.Name == "VoucherifyResponseBody" && (string?)e["Route"] == "/v1/customers/{customerId}")["Body"]!;
        if (maxBodyLength == 40)
        {
            Assert.Equal(40 + "… (longer, not read further)".Length, logged.Length);
            Assert.StartsWith("{", logged);
        }
        else
        {
            Assert.Equal("crm-chunked", Newtonsoft.Json.Linq.JObject.Parse(logged)["source_id"]!.ToString());
        }
    }

    [Fact]
    public async Task A_401_echoing_the_request_headers_puts_the_secret_into_no_log_event()
    {
        // A raw socket: the server reads the real request head and echoes it, as a debugging gateway would.
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var served = EchoHeadersAs401Async(listener);
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddVoucherify(options =>
        {
            options.ApplicationId = TestClient.ApplicationId;
            options.SecretKey = TestClient.SecretKey;
            options.BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
        });
        services.Configure<VoucherifyLoggingOptions>(options => options.LogBodies = true);
        using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => provider.GetRequiredService<ICustomersClient>().GetCustomerAsync("cust_1"));

        Assert.Contains($"X-App-Token: {TestClient.SecretKey}", await served); // the secret went out and came back
        var events = logs.Entries.Where(e => e.Category == VoucherifyServiceCollectionExtensions.LoggerCategory).ToList();
        Assert.Contains(events, e => e.EventId.Name == "VoucherifyResponseBody" && ((string)e["Body"]!).Contains("X-App-Token: ***"));
        Assert.Contains(events, e => e.EventId.Name == "VoucherifyRequestCompleted" && (string?)e["RequestId"] == "v-***");
        Assert.All(logs.Entries, e => Assert.DoesNotContain(TestClient.SecretKey, e.AllText));
        Assert.DoesNotContain(TestClient.SecretKey, error.ToString());
    }

    /// <summary>Answers one request with a 401 whose JSON body holds the request head and the token as request id.</summary>
    private static async Task<string> EchoHeadersAs401Async(System.Net.Sockets.TcpListener listener)
    {
        using var socket = await listener.AcceptTcpClientAsync();
        var stream = socket.GetStream();
        var head = new System.Text.StringBuilder();
        var buffer = new byte[4096];
        while (!head.ToString().Contains("\r\n\r\n"))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0) break;
            head.Append(System.Text.Encoding.ASCII.GetString(buffer, 0, read));
        }
        var token = head.ToString().Split("\r\n").First(line => line.StartsWith("X-App-Token:", StringComparison.OrdinalIgnoreCase)).Substring(12).Trim();
        var body = System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["code"] = 401,
            ["message"] = "Unauthorized",
            ["details"] = head.ToString(),
            ["request_id"] = "v-" + token,
        }));
        var response = $"HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(response));
        await stream.WriteAsync(body);
        return head.ToString();
    }

    [Theory]
    [InlineData("https://api.test/v1/customers?email=a%40b.com&limit=10", "?email=***&limit=10")]
    [InlineData("https://api.test/v1/customers?phone=%2B48123&created_at%5Bbefore%5D=2024-01-01", "?phone=***&created_at%5Bbefore%5D=2024-01-01")]
    [InlineData("https://api.test/v1/customers?unknown_new_filter=x&flag", "?unknown_new_filter=***&flag")]
    [InlineData("https://api.test/v1/customers", "")]
    public void Query_values_are_redacted_unless_known_to_be_harmless(string url, string expected) =>
        Assert.Equal(expected, VoucherifyLoggingHandler.RedactQuery(new Uri(url)));
}
