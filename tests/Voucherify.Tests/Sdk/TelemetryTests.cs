using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using RichardSzalay.MockHttp;

namespace Voucherify.Tests.Sdk;

public class TelemetryTests
{
    private static readonly ActivitySource TestSource = new("Voucherify.Tests.Telemetry");

    /// <summary>Set in a test's own async flow, so a process-wide listener can tell that test's measurements apart.</summary>
    private static readonly AsyncLocal<bool> InThisTest = new();

    /// <summary>Collects the Voucherify activities of one test's trace (other tests run in parallel).</summary>
    private sealed class ActivityRecorder : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly Activity _root;

        public ActivityRecorder()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name is VoucherifyDiagnostics.ActivitySourceName or "Voucherify.Tests.Telemetry",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity => { lock (Stopped) Stopped.Add(activity); },
            };
            ActivitySource.AddActivityListener(_listener);
            _root = TestSource.StartActivity("test")!;
        }

        public List<Activity> Stopped { get; } = new();

        public List<Activity> Voucherify()
        {
            lock (Stopped)
                return Stopped.Where(a => a.TraceId == _root.TraceId && a.Source.Name == VoucherifyDiagnostics.ActivitySourceName).ToList();
        }

        public void Dispose()
        {
            _root.Dispose();
            _listener.Dispose();
        }
    }

    [Fact]
    public async Task Each_call_is_one_client_activity_named_by_route_without_the_id()
    {
        using var recorder = new ActivityRecorder();
        var mock = new MockHttpMessageHandler();
        mock.When($"{TestClient.BaseUrl}/v1/customers/alice%40example.com/activity").Respond(HttpStatusCode.NotFound, "application/json", """{"code":404,"key":"not_found"}""");
        using var client = SdkTestClient.Create(mock);

        await Assert.ThrowsAsync<VoucherifyApiException>(() => client.Customers.ListCustomerActivityAsync("alice@example.com"));

        var activity = Assert.Single(recorder.Voucherify());
        Assert.Equal("GET /v1/customers/{customerId}/activity", activity.DisplayName);
        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal(404, activity.GetTagItem("http.response.status_code"));
        Assert.Equal("GET", activity.GetTagItem("http.request.method"));
        Assert.Equal(new Uri(TestClient.BaseUrl).Host, activity.GetTagItem("server.address"));
        Assert.Equal("404", activity.GetTagItem("error.type"));
        Assert.DoesNotContain(activity.TagObjects, tag => tag.Value?.ToString()?.Contains("alice") == true);
    }

    [Fact]
    public async Task Waiting_for_an_async_action_is_one_activity_with_the_polls_as_children()
    {
        using var recorder = new ActivityRecorder();
        var mock = new MockHttpMessageHandler();
        mock.When($"{TestClient.BaseUrl}/v1/async-actions/aa_1")
            .Respond("application/json", """{"id":"aa_1","type":"CUSTOMERS.BULK_UPDATE","status":"DONE","result":{"done_count":1,"failed_count":0}}""");
        using var client = SdkTestClient.Create(mock);

        await client.AsyncActions.WaitForCompletionAsync("aa_1");

        var activities = recorder.Voucherify();
        var wait = Assert.Single(activities, a => a.DisplayName == "voucherify.async_action.wait");
        var poll = Assert.Single(activities, a => a.DisplayName == "GET /v1/async-actions/{asyncActionId}");
        Assert.Equal(wait.SpanId, poll.ParentSpanId);
        Assert.Equal("aa_1", wait.GetTagItem("voucherify.async_action.id"));
        Assert.Equal("DONE", wait.GetTagItem("voucherify.async_action.status"));
        Assert.Equal("CUSTOMERS.BULK_UPDATE", wait.GetTagItem("voucherify.async_action.type"));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(0, false)]
    public async Task A_finished_wait_is_measured_by_job_type_and_status_and_marked_as_an_error_when_the_job_had_failures(int failedCount, bool failed)
    {
        var measurements = new List<(double Value, Dictionary<string, object?> Tags)>();
        using var listener = Measure(VoucherifyDiagnostics.AsyncActionWaitDurationInstrument, measurements);
        using var recorder = new ActivityRecorder();
        // The listener sees the whole process; a job type no other test uses tells this wait's measurement apart.
        var type = "CUSTOMERS.TELEMETRY_TEST_" + failedCount;
        var mock = new MockHttpMessageHandler();
        mock.When($"{TestClient.BaseUrl}/v1/async-actions/aa_t")
            .Respond("application/json", $$$"""{"id":"aa_t","type":"{{{type}}}","status":"DONE","result":{"done_count":1,"failed_count":{{{failedCount}}}}}""");
        using var client = SdkTestClient.Create(mock);

        await client.AsyncActions.WaitForCompletionAsync("aa_t");

        lock (measurements)
        {
            var measurement = Assert.Single(measurements, m => (string?)m.Tags.GetValueOrDefault("voucherify.async_action.type") == type);
            Assert.Equal("DONE", measurement.Tags["voucherify.async_action.status"]);
            Assert.Equal(2, measurement.Tags.Count);
            Assert.True(measurement.Value >= 0);
        }
        var wait = Assert.Single(recorder.Voucherify(), a => a.DisplayName == "voucherify.async_action.wait" && (string?)a.GetTagItem("voucherify.async_action.type") == type);
        Assert.Equal(failed ? ActivityStatusCode.Error : ActivityStatusCode.Unset, wait.Status);
        Assert.Equal(failed ? "The async action reported failures." : null, wait.StatusDescription);
    }

    [Fact]
    public async Task Call_durations_are_measured_per_route_and_status_with_the_error_type()
    {
        var measurements = new List<(double Value, Dictionary<string, object?> Tags)>();
        using var listener = Measure(VoucherifyDiagnostics.RequestDurationInstrument, measurements);
        var mock = new MockHttpMessageHandler();
        // The listener sees the whole process; a status no other test answers with tells this call's measurement apart.
        mock.When($"{TestClient.BaseUrl}/v1/customers/telemetry-metric-test/segments").Respond((HttpStatusCode)418);
        using var client = SdkTestClient.Create(mock);

        await Assert.ThrowsAsync<VoucherifyApiException>(() => client.Customers.ListCustomerSegmentsAsync("telemetry-metric-test"));

        lock (measurements)
        {
            var measurement = Assert.Single(measurements, m => (string?)m.Tags["http.response.status_code"] == "418");
            Assert.Equal("/v1/customers/{customerId}/segments", measurement.Tags["url.template"]);
            Assert.Equal("GET", measurement.Tags["http.request.method"]);
            Assert.Equal("418", measurement.Tags["error.type"]);
            Assert.InRange(measurement.Value, 0, 30);
        }
    }

    [Fact]
    public async Task A_failed_call_is_typed_by_its_exception_and_a_cancelled_one_as_canceled()
    {
        using var recorder = new ActivityRecorder();
        var mock = new MockHttpMessageHandler();
        mock.When($"{TestClient.BaseUrl}/v1/customers/telemetry-network/segments").Throw(new HttpRequestException("refused", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused)));
        mock.When($"{TestClient.BaseUrl}/v1/customers/telemetry-cancel/segments").Respond(async () =>
        {
            await Task.Delay(Timeout.Infinite);
            return new HttpResponseMessage();
        });
        var options = TestClient.Options();
        options.Retry = new RetryOptions { MaxAttempts = 1 };
        using var client = new VoucherifyClient(options, mock);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAsync<VoucherifyNetworkException>(() => client.Customers.ListCustomerSegmentsAsync("telemetry-network"));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Customers.ListCustomerSegmentsAsync("telemetry-cancel", cancel.Token));

        var errors = recorder.Voucherify().Where(a => a.DisplayName == "GET /v1/customers/{customerId}/segments").Select(a => a.GetTagItem("error.type")).ToList();
        Assert.Contains("Voucherify.VoucherifyNetworkException", errors);
        Assert.Contains("canceled", errors);
    }

    [Fact]
    public async Task A_successful_call_carries_no_error_type_tag_on_its_measurement_or_activity()
    {
        using var recorder = new ActivityRecorder();
        var measurements = new List<Dictionary<string, object?>>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == VoucherifyDiagnostics.MeterName && instrument.Name == VoucherifyDiagnostics.RequestDurationInstrument)
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            // The listener sees the whole process; the measurement is recorded in this test's async flow.
            if (!InThisTest.Value) return;
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags) copy[tag.Key] = tag.Value;
            lock (measurements) measurements.Add(copy);
        });
        listener.Start();
        var mock = new MockHttpMessageHandler();
        mock.When($"{TestClient.BaseUrl}/v1/customers/telemetry-success-test/segments").Respond("application/json", """{"object":"list","data":[],"total":0}""");
        using var client = SdkTestClient.Create(mock);

        InThisTest.Value = true;
        await client.Customers.ListCustomerSegmentsAsync("telemetry-success-test");

        lock (measurements)
        {
            var tags = Assert.Single(measurements);
            Assert.Equal("200", tags["http.response.status_code"]);
            Assert.Equal(new[] { "http.request.method", "http.response.status_code", "url.template" }, tags.Keys.Order());
            Assert.All(tags.Values, value => Assert.False(string.IsNullOrEmpty(value as string)));
        }
        var activity = Assert.Single(recorder.Voucherify());
        Assert.DoesNotContain(activity.TagObjects, tag => tag.Key == "error.type");
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
    }

    [Theory]
    [InlineData(VoucherifyDiagnostics.RequestDurationInstrument, 0.005, 10)]
    [InlineData(VoucherifyDiagnostics.AsyncActionWaitDurationInstrument, 0.1, 3600)]
    public void Duration_histograms_advise_bucket_boundaries_in_seconds(string name, double first, double last)
    {
        Histogram<double>? histogram = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == VoucherifyDiagnostics.MeterName && instrument.Name == name) histogram = (Histogram<double>)instrument;
            },
        };
        listener.Start();

        Assert.NotNull(histogram);
        Assert.Equal("s", histogram.Unit);
        var advised = histogram.Advice?.HistogramBucketBoundaries;
        Assert.NotNull(advised);
        var expected = name == VoucherifyDiagnostics.RequestDurationInstrument ? VoucherifyDiagnostics.RequestDurationBuckets : VoucherifyDiagnostics.AsyncActionWaitDurationBuckets;
        Assert.Equal(expected, advised);
        Assert.Equal((first, last), (advised[0], advised[^1]));
        Assert.Equal(advised.Order(), advised); // ascending, as OpenTelemetry requires
    }

    [Fact]
    public async Task A_base_address_with_a_proxy_prefix_still_yields_the_api_route()
    {
        using var recorder = new ActivityRecorder();
        var mock = new MockHttpMessageHandler();
        mock.When("https://proxy.test/voucherify/v1/async-actions/aa_9").Respond("application/json", """{"id":"aa_9","status":"DONE"}""");
        var options = TestClient.Options("https://proxy.test/voucherify");
        using var client = new VoucherifyClient(options, mock);

        await client.AsyncActions.GetAsyncActionAsync("aa_9");

        Assert.Equal("GET /v1/async-actions/{asyncActionId}", Assert.Single(recorder.Voucherify()).DisplayName);
    }

    /// <summary>Listens to one of the library's instruments, copying each measurement and its tags into <paramref name="measurements"/>.</summary>
    private static MeterListener Measure(string instrumentName, List<(double Value, Dictionary<string, object?> Tags)> measurements)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == VoucherifyDiagnostics.MeterName && instrument.Name == instrumentName)
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags) copy[tag.Key] = tag.Value;
            lock (measurements) measurements.Add((value, copy));
        });
        listener.Start();
        return listener;
    }
}
