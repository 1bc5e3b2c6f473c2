extern alias VoucherifyDI;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using Voucherify.Http;
using Voucherify.Serialization;
using Voucherify.Tests.Sdk;
using LoggingHandler = VoucherifyDI::Voucherify.Extensions.DependencyInjection.VoucherifyLoggingHandler;
using LoggingOptions = VoucherifyDI::Voucherify.Extensions.DependencyInjection.VoucherifyLoggingOptions;

namespace Voucherify.Tests.Descriptors;

/// <summary>
/// Each decision of the pipeline follows the operation descriptor on the request, not its URL or method: every request
/// here goes to the same URL with the same method, and only the attached descriptor differs.
/// </summary>
public class PipelineDecisionTests
{
    private const string Url = "https://api.test.voucherify.io/v1/customers/cust_1";

    private static OperationDescriptor Descriptor(ReplayClass replay = ReplayClass.Safe, string route = "/v9/things/{thingId}", long? maxRequestBytes = null, string? requiredItems = null) =>
        new("test-operation", "POST", route, replay, maxRequestBytes, new[] { "thingId" }, requiredItems);

    private static HttpRequestMessage Request(OperationDescriptor? operation, string body = """{"name":"x"}""")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = JsonBody.Create(JToken.Parse(body)) };
        if (operation != null) RequestState.SetOperation(request, operation);
        return request;
    }

    /// <summary>The library's own pipeline over <paramref name="transport"/>, with immediate retries.</summary>
    private static HttpMessageInvoker Pipeline(HttpMessageHandler transport)
    {
        var options = TestClient.Options();
        options.Retry = new RetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) };
        return new HttpMessageInvoker(VoucherifyHttpPipeline.Create(options, transport, disposeTransport: false, new RateLimitTracker()));
    }

    [Theory]
    [InlineData(nameof(ReplayClass.Safe), 3)]
    [InlineData(nameof(ReplayClass.Never), 1)]
    [InlineData(nameof(ReplayClass.UpsertWhenIdOrSourceId), 1)]
    public async Task A_503_is_retried_only_when_the_descriptor_says_the_operation_is_safe_to_replay(string replay, int expectedAttempts)
    {
        var mock = new MockHttpMessageHandler();
        var attempts = mock.When(Url).Respond(HttpStatusCode.ServiceUnavailable);
        using var pipeline = Pipeline(mock);

        using var response = await pipeline.SendAsync(Request(Descriptor(Enum.Parse<ReplayClass>(replay))), CancellationToken.None);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(expectedAttempts, mock.GetMatchCount(attempts));
    }

    [Theory]
    [InlineData("""{"source_id":"crm-1"}""", 3)]
    [InlineData("""{"id":"cust_1"}""", 3)]
    [InlineData("""{"name":"no key"}""", 1)]
    [InlineData("""{"source_id":" ","id":null}""", 1)]
    [InlineData("""{"address":{"id":"addr_1"},"metadata":{"source_id":"x"}}""", 1)]
    [InlineData("""{"id":["cust_1"]}""", 1)]
    [InlineData("""{"name":"n","source_id":"crm-2"}""", 3)]
    public async Task An_upsert_is_retried_only_when_its_body_names_the_resource(string body, int expectedAttempts)
    {
        var mock = new MockHttpMessageHandler();
        var attempts = mock.When(Url).Respond(HttpStatusCode.ServiceUnavailable);
        using var pipeline = Pipeline(mock);

        using var response = await pipeline.SendAsync(Request(Descriptor(ReplayClass.UpsertWhenIdOrSourceId), body), CancellationToken.None);

        Assert.Equal(expectedAttempts, mock.GetMatchCount(attempts));
    }

    [Fact]
    public async Task A_request_without_a_descriptor_is_never_replayed_after_it_may_have_reached_the_server()
    {
        var mock = new MockHttpMessageHandler();
        var attempts = mock.When(Url).Respond(HttpStatusCode.ServiceUnavailable);
        using var pipeline = Pipeline(mock);

        using var response = await pipeline.SendAsync(Request(operation: null), CancellationToken.None);

        Assert.Equal(1, mock.GetMatchCount(attempts));
    }

    [Fact]
    public async Task Exceptions_name_the_operation_by_the_descriptors_method_and_route()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(Url).Throw(new HttpRequestException("reset", new IOException("Connection reset by peer")));
        using var pipeline = Pipeline(mock);

        var error = await Assert.ThrowsAsync<VoucherifyNetworkException>(() => pipeline.SendAsync(Request(Descriptor(ReplayClass.Never)), CancellationToken.None));

        Assert.Equal("POST /v9/things/{thingId}", error.Operation);
    }

    [Fact]
    public async Task The_trace_and_its_route_tag_come_from_the_descriptor()
    {
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == VoucherifyDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (stopped) stopped.Add(activity); },
        };
        ActivitySource.AddActivityListener(listener);
        var mock = new MockHttpMessageHandler();
        mock.When(Url).Respond("application/json", "{}");
        using var pipeline = Pipeline(mock);
        var route = "/v9/trace-" + Guid.NewGuid().ToString("N") + "/{thingId}";

        using var response = await pipeline.SendAsync(Request(Descriptor(route: route)), CancellationToken.None);

        Activity activity;
        lock (stopped) activity = Assert.Single(stopped, a => (string?)a.GetTagItem("url.template") == route);
        Assert.Equal("POST " + route, activity.DisplayName);
    }

    [Theory]
    [InlineData(11L, true)]
    [InlineData(12L, false)]
    [InlineData(null, false)]
    public async Task The_body_limit_is_the_descriptors(long? limit, bool rejected)
    {
        using var request = Request(Descriptor(maxRequestBytes: limit), """{"a":"1234"}"""); // 12 bytes

        var error = await Record.ExceptionAsync(() => BulkPayload.ValidateAsync(request, RequestState.GetOperation(request)!));

        if (rejected)
        {
            var tooLarge = Assert.IsType<VoucherifyPayloadTooLargeException>(error);
            Assert.Equal(limit, tooLarge.LimitBytes);
            Assert.Contains("POST /v9/things/{thingId}", tooLarge.Message);
        }
        else
        {
            Assert.Null(error);
        }
    }

    [Theory]
    [InlineData("$", "[]", true)]
    [InlineData("$", """[{"source_id":"a"}]""", false)]
    [InlineData("source_ids", """{"source_ids":[]}""", true)]
    [InlineData("source_ids", """{"source_ids":["a"]}""", false)]
    [InlineData(null, "[]", false)]
    [InlineData("source_ids", """{"metadata":{"a":1}}""", true)]
    [InlineData("source_ids", """{"metadata":{"source_ids":["a"]}}""", true)]
    [InlineData("source_ids", """{"source_ids":null}""", true)]
    [InlineData("$", "{}", false)]
    [InlineData("source_ids", """{"x":"source_ids","source_ids":["a"]}""", false)]
    public async Task The_non_empty_body_check_follows_the_descriptors_required_items(string? requiredItems, string body, bool rejected)
    {
        using var request = Request(Descriptor(requiredItems: requiredItems), body);

        var error = await Record.ExceptionAsync(() => BulkPayload.ValidateAsync(request, RequestState.GetOperation(request)!));

        if (rejected) Assert.Equal("body", Assert.IsType<ArgumentException>(error).ParamName);
        else Assert.Null(error);
    }

    [Fact]
    public async Task The_dependency_injection_log_event_names_the_descriptors_route()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(logs));
        var mock = new MockHttpMessageHandler();
        mock.When(Url).Respond("application/json", "{}");
        using var invoker = new HttpMessageInvoker(new LoggingHandler(factory.CreateLogger("test"), new LoggingOptions(), TestClient.Options()) { InnerHandler = mock });

        using var response = await invoker.SendAsync(Request(Descriptor(route: "/v9/logged/{thingId}")), CancellationToken.None);

        Assert.Equal("/v9/logged/{thingId}", Assert.Single(logs.Entries)["Route"]);
    }
}
