using System.Net.Sockets;
using System.Text;

namespace Voucherify.Tests;

/// <summary>VoucherifyClientOptions validation and redaction, and the three ways to construct a VoucherifyClient.</summary>
public class ClientOptionsTests
{
    private const string CustomerJson = """{"id":"cust_1","object":"customer"}""";

    [Theory]
    [InlineData("", TestClient.SecretKey, "ApplicationId")]
    [InlineData("  ", TestClient.SecretKey, "ApplicationId")]
    [InlineData(null, TestClient.SecretKey, "ApplicationId")]
    [InlineData(TestClient.ApplicationId, "", "SecretKey")]
    [InlineData(TestClient.ApplicationId, " \t", "SecretKey")]
    [InlineData(TestClient.ApplicationId, null, "SecretKey")]
    public void Missing_credentials_are_rejected_naming_the_option(string? applicationId, string? secretKey, string option)
    {
        var options = new VoucherifyClientOptions { ApplicationId = applicationId!, SecretKey = secretKey! };

        var error = Assert.Throws<ArgumentException>(() => new VoucherifyClient(options, new MockHttpMessageHandler()));

        Assert.Equal(option, error.ParamName);
        Assert.Contains(option, error.Message);
        Assert.DoesNotContain(TestClient.SecretKey, error.ToString());
    }

    [Theory]
    [InlineData("ApplicationId", "app\r\nX-Evil: 1")]
    [InlineData("SecretKey", "key\r\nX-Evil: 1")]
    [InlineData("SecretKey", "key\nX-Evil: 1")]
    [InlineData("SecretKey", "key\u0000")]
    [InlineData("SecretKey", "key\u007f")]
    [InlineData("ApplicationId", "app-\u00e9")]
    [InlineData("SecretKey", "\u043a\u043b\u044e\u0447")]
    public async Task Credentials_with_control_or_non_ascii_characters_are_rejected_before_anything_is_sent(string option, string value)
    {
        using var server = LoopbackServer.Start(CustomerJson);
        var options = TestClient.Options(server.BaseUrl);
        if (option == "ApplicationId") options.ApplicationId = value;
        else options.SecretKey = value;

        // Whatever the constructor lets through is sent, so a missing check shows up on the wire, not only as no exception.
        var error = await Record.ExceptionAsync(async () =>
        {
            using var client = new VoucherifyClient(options);
            await client.Customers.GetCustomerAsync("cust_1");
        });

        if (server.Request.IsCompleted) Assert.DoesNotContain("X-Evil", await server.Request);
        var rejected = Assert.IsType<ArgumentException>(error);
        Assert.Equal(option, rejected.ParamName);
        Assert.DoesNotContain(value, rejected.ToString());
        Assert.False(server.Request.IsCompleted, "a request was sent");
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(2_147_483_648L)]
    public void A_response_limit_outside_one_byte_to_int_max_is_rejected(long maxResponseBytes)
    {
        var options = new VoucherifyClientOptions { ApplicationId = TestClient.ApplicationId, SecretKey = TestClient.SecretKey, MaxResponseBytes = maxResponseBytes };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new VoucherifyClient(options, new MockHttpMessageHandler()));

        Assert.Equal("MaxResponseBytes", error.ParamName);
    }

    [Theory]
    [InlineData("no-app-id", "ApplicationId is required (the X-App-Id")]
    [InlineData("no-secret", "SecretKey is required (the X-App-Token")]
    [InlineData("relative-uri", "BaseUri must be an absolute URI")]
    [InlineData("http-uri", "BaseUri must use https (got http://api.voucherify.io)")]
    [InlineData("query-uri", "BaseUri must not carry a query or fragment")]
    [InlineData("no-retry", "Retry must not be null")]
    [InlineData("no-clock", "TimeProvider must not be null; the default is TimeProvider.System")]
    [InlineData("limit-zero", "MaxResponseBytes must be between 1 and 2147483647")]
    [InlineData("control-char", "ApplicationId contains a control or non-ASCII character at position 3")]
    [InlineData("zero-timeout", "CallTimeout must be positive, or Timeout.InfiniteTimeSpan")]
    [InlineData("placeholder-secret", "VoucherifyClientOptions.SecretKey contains a space at position 3: it looks like a placeholder")]
    public void Each_rejection_message_says_what_to_fix(string problem, string expected)
    {
        var options = TestClient.Options();
        switch (problem)
        {
            case "no-app-id": options.ApplicationId = ""; break;
            case "no-secret": options.SecretKey = ""; break;
            case "relative-uri": options.BaseUri = new Uri("/v", UriKind.Relative); break;
            case "http-uri": options.BaseUri = new Uri("http://api.voucherify.io"); break;
            case "query-uri": options.BaseUri = new Uri("https://api.voucherify.io/?a=1"); break;
            case "no-retry": options.Retry = null!; break;
            case "no-clock": options.TimeProvider = null!; break;
            case "limit-zero": options.MaxResponseBytes = 0; break;
            case "control-char": options.ApplicationId = "app\tid"; break;
            case "zero-timeout": options.CallTimeout = TimeSpan.Zero; break;
            case "placeholder-secret": options.SecretKey = "set VOUCHERIFY__SECRETKEY"; break;
        }

        var error = Assert.ThrowsAny<ArgumentException>(() => new VoucherifyClient(options, new MockHttpMessageHandler()));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void The_edges_of_every_range_are_accepted()
    {
        var options = TestClient.Options();
        // '!' and '~' are the edges of printable ASCII without the space (a space marks a placeholder).
        options.ApplicationId = "!app~id!";
        options.SecretKey = "~!key";
        options.MaxResponseBytes = int.MaxValue;
        options.CallTimeout = options.AttemptTimeout = TimeSpan.FromTicks(1);

        using var client = new VoucherifyClient(options, new MockHttpMessageHandler());

        Assert.Same(options, client.Options);
    }

    [Fact]
    public void New_options_start_without_credentials_and_with_the_documented_response_limit()
    {
        var options = new VoucherifyClientOptions();

        Assert.Equal((string.Empty, string.Empty, 16L * 1024 * 1024), (options.ApplicationId, options.SecretKey, options.MaxResponseBytes));
    }

    [Theory]
    [InlineData("http://api.voucherify.io")]
    [InlineData("http://10.0.0.5:4010")]
    [InlineData("http://proxy.internal/voucherify")]
    [InlineData("ftp://api.voucherify.io")]
    [InlineData("https://api.voucherify.io/?region=eu")]
    [InlineData("https://api.voucherify.io/#eu")]
    public void A_base_uri_that_would_leak_credentials_or_lose_requests_is_rejected(string baseUri)
    {
        var options = TestClient.Options(baseUri);

        var error = Assert.Throws<ArgumentException>(() => new VoucherifyClient(options, new MockHttpMessageHandler()));

        Assert.Equal("BaseUri", error.ParamName);
        Assert.DoesNotContain(TestClient.SecretKey, error.ToString());
    }

    [Fact]
    public void A_missing_or_relative_base_uri_is_rejected()
    {
        var missing = TestClient.Options();
        missing.BaseUri = null!;
        var relative = TestClient.Options();
        relative.BaseUri = new Uri("/voucherify", UriKind.Relative);

        Assert.Equal("BaseUri", Assert.Throws<ArgumentException>(() => new VoucherifyClient(missing, new MockHttpMessageHandler())).ParamName);
        Assert.Equal("BaseUri", Assert.Throws<ArgumentException>(() => new VoucherifyClient(relative, new MockHttpMessageHandler())).ParamName);
    }

    [Theory]
    [InlineData("http://127.0.0.1:4010", "http://127.0.0.1:4010/v1/customers/cust_1")]
    [InlineData("http://localhost:4010/", "http://localhost:4010/v1/customers/cust_1")]
    [InlineData("http://[::1]:4010", "http://[::1]:4010/v1/customers/cust_1")]
    [InlineData("https://proxy.example/voucherify", "https://proxy.example/voucherify/v1/customers/cust_1")]
    [InlineData("https://proxy.example/voucherify/", "https://proxy.example/voucherify/v1/customers/cust_1")]
    [InlineData("https://proxy.example/a/b/", "https://proxy.example/a/b/v1/customers/cust_1")]
    public async Task Requests_go_below_the_base_uri_keeping_any_path_prefix(string baseUri, string expectedUrl)
    {
        using var t = new TestClient(baseUri);
        t.Handler.Fallback.RespondWithJson(HttpStatusCode.OK, CustomerJson);

        await t.Customers.GetCustomerAsync("cust_1");

        Assert.Equal(expectedUrl, t.SingleSignedRequest().Uri.AbsoluteUri);
    }

    [Fact]
    public async Task A_path_prefix_is_kept_for_queries_and_async_actions_too()
    {
        using var t = new TestClient("https://proxy.example/voucherify");
        t.Handler.Fallback.RespondWithJson(HttpStatusCode.OK, """{"id":"aa_1","status":"DONE"}""");

        await t.Customers.ListCustomersAsync(limit: 5);
        await t.AsyncActions.GetAsyncActionAsync("aa_1");

        Assert.Equal(
            ["https://proxy.example/voucherify/v1/customers?limit=5", "https://proxy.example/voucherify/v1/async-actions/aa_1"],
            t.Requests.Select(request => request.Uri.AbsoluteUri));
    }

    [Fact]
    public void The_default_region_is_europe_and_the_presets_are_the_documented_hosts()
    {
        Assert.Equal(new Uri("https://api.voucherify.io"), new VoucherifyClientOptions().BaseUri);
        Assert.Equal(new Uri("https://api.voucherify.io"), VoucherifyRegion.Europe);
        Assert.Equal(new Uri("https://us1.api.voucherify.io"), VoucherifyRegion.UnitedStates);
        Assert.Equal(new Uri("https://as1.api.voucherify.io"), VoucherifyRegion.Asia);
    }

    [Fact]
    public async Task A_region_preset_is_where_requests_go()
    {
        using var t = new TestClient(VoucherifyRegion.UnitedStates.AbsoluteUri);
        t.Handler.Fallback.RespondWithJson(HttpStatusCode.OK, CustomerJson);

        await t.Customers.GetCustomerAsync("cust_1");

        Assert.Equal("https://us1.api.voucherify.io/v1/customers/cust_1", t.SingleSignedRequest().Uri.AbsoluteUri);
    }

    [Fact]
    public void ToString_shows_the_application_id_and_address_but_never_the_secret_key()
    {
        var options = TestClient.Options();

        var text = options.ToString();

        Assert.Contains(TestClient.ApplicationId, text);
        Assert.Contains(TestClient.BaseUrl, text);
        Assert.Contains("***", text);
        Assert.DoesNotContain(TestClient.SecretKey, text);
        Assert.Contains("(not set)", new VoucherifyClientOptions { ApplicationId = "a" }.ToString());
    }

    [Fact]
    public void Null_constructor_arguments_are_rejected_by_name()
    {
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new VoucherifyClient(null!)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new VoucherifyClient(null!, new MockHttpMessageHandler())).ParamName);
        Assert.Equal("transport", Assert.Throws<ArgumentNullException>(() => new VoucherifyClient(TestClient.Options(), (HttpMessageHandler)null!)).ParamName);
        Assert.Equal("httpClient", Assert.Throws<ArgumentNullException>(() => new VoucherifyClient((HttpClient)null!, TestClient.Options())).ParamName);
        using var http = new HttpClient();
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new VoucherifyClient(http, null!)).ParamName);
    }

    [Fact]
    public void The_client_exposes_the_options_it_was_given()
    {
        var options = TestClient.Options();
        using var client = new VoucherifyClient(options, new MockHttpMessageHandler());

        Assert.Same(options, client.Options);
        Assert.NotNull(client.Customers);
        Assert.NotNull(client.AsyncActions);
    }

    [Fact]
    public async Task One_client_serves_concurrent_calls_each_signed_once()
    {
        using var t = new TestClient();
        t.Handler.Fallback.Respond(request =>
            new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent($$"""{"id":"{{request.RequestUri!.Segments[^1]}}"}""", Encoding.UTF8, "application/json"),
            });

        var customers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => t.Customers.GetCustomerAsync($"cust_{i}"))));

        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"cust_{i}"), customers.Select(customer => customer.Id));
        Assert.Equal(40, t.Requests.Count);
        Assert.All(t.Requests, request =>
        {
            request.AssertSignedJsonRequest();
            Assert.DoesNotContain(",", request.Header("X-App-Token"));
        });
    }

    [Fact]
    public async Task With_options_only_the_client_sends_through_its_own_connection_pool()
    {
        using var server = LoopbackServer.Start(CustomerJson);
        using var client = new VoucherifyClient(TestClient.Options(server.BaseUrl));

        var customer = await client.Customers.GetCustomerAsync("cust 1");

        Assert.Equal("cust_1", customer.Id);
        var request = await server.Request;
        Assert.StartsWith("GET /v1/customers/cust%201 HTTP/1.1", request);
        Assert.Contains($"X-App-Id: {TestClient.ApplicationId}", request);
        Assert.Contains($"X-App-Token: {TestClient.SecretKey}", request);
        Assert.Contains("User-Agent: Voucherify.NET/", request);
        Assert.Contains("Accept: application/json", request);
    }

    [Fact]
    public async Task With_a_transport_handler_the_handler_outlives_the_client()
    {
        var transport = new DisposalTrackingHandler(CustomerJson);

        using (var client = new VoucherifyClient(TestClient.Options(), transport))
            await client.Customers.GetCustomerAsync("cust_1");

        Assert.False(transport.IsDisposed);
        using var second = new VoucherifyClient(TestClient.Options(), transport);
        Assert.Equal("cust_1", (await second.Customers.GetCustomerAsync("cust_1")).Id);
        Assert.Equal(2, transport.Requests);
    }

    [Fact]
    public async Task With_a_caller_http_client_its_default_headers_apply_and_it_is_never_disposed()
    {
        var mock = new MockHttpMessageHandler();
        var recorded = new List<RecordedRequest>();
        mock.Fallback.Respond(async request =>
        {
            recorded.Add(await RecordedRequest.CopyAsync(request));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(CustomerJson, Encoding.UTF8, "application/json") };
        });
        using var http = new HttpClient(mock) { BaseAddress = new Uri("https://ignored.example/other/") };
        http.DefaultRequestHeaders.Add("X-Correlation-Id", "corr-42");

        using (var client = new VoucherifyClient(http, TestClient.Options()))
            await client.Customers.GetCustomerAsync("cust_1");

        var request = Assert.Single(recorded);
        request.AssertSignedJsonRequest();
        Assert.Equal("corr-42", request.Header("X-Correlation-Id"));
        Assert.Equal(TestClient.BaseUrl + "/v1/customers/cust_1", request.Uri.AbsoluteUri);

        // The VoucherifyClient is gone; the caller's HttpClient must still work.
        using var direct = await http.GetAsync("https://api.test.voucherify.io/ping");
        Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
        using var again = new VoucherifyClient(http, TestClient.Options());
        Assert.Equal("cust_1", (await again.Customers.GetCustomerAsync("cust_1")).Id);
    }

    /// <summary>
    /// Answers every request with one JSON body and records whether it was disposed (not the sandbox: the test is
    /// about the transport object's disposal, which no server can observe).
    /// </summary>
    private sealed class DisposalTrackingHandler(string json) : HttpMessageHandler
    {
        public bool IsDisposed { get; private set; }

        public int Requests { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            Requests++;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
        }

        protected override void Dispose(bool disposing)
        {
            IsDisposed = true;
            base.Dispose(disposing);
        }
    }

    /// <summary>A one-request HTTP/1.1 server on 127.0.0.1 that answers 200 with a JSON body and hands back the raw request head.</summary>
    private sealed class LoopbackServer : IDisposable
    {
        private readonly TcpListener _listener;

        private LoopbackServer(TcpListener listener, Task<string> request)
        {
            _listener = listener;
            Request = request;
        }

        public string BaseUrl => $"http://127.0.0.1:{((System.Net.IPEndPoint)_listener.LocalEndpoint).Port}";

        public Task<string> Request { get; }

        public static LoopbackServer Start(string json)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return new LoopbackServer(listener, ServeOnceAsync(listener, json));
        }

        private static async Task<string> ServeOnceAsync(TcpListener listener, string json)
        {
            using var socket = await listener.AcceptTcpClientAsync();
            var stream = socket.GetStream();
            var head = new StringBuilder();
            var buffer = new byte[4096];
            while (!head.ToString().Contains("\r\n\r\n"))
            {
                var read = await stream.ReadAsync(buffer);
                if (read == 0) break;
                head.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
            var body = Encoding.UTF8.GetBytes(json);
            var response = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
            await stream.WriteAsync(body);
            return head.ToString();
        }

        public void Dispose() => _listener.Stop();
    }
}
