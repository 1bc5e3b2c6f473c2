extern alias SandboxPackage;

using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using SandboxPackage::Voucherify.Sandbox;
using static Voucherify.AspNetCore.CustomerEndpoints;

namespace Voucherify.AspNetCore.Tests;

public sealed class CustomerEndpointTests : IAsyncLifetime
{
    private VoucherifySandbox _sandbox = null!;
    private SampleAppFactory _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await VoucherifySandbox.StartAsync(new VoucherifySandboxOptions
        {
            Seed = SampleAppFactory.Seed(),
            JobQueueDelay = TimeSpan.FromMilliseconds(20),
            JobDuration = TimeSpan.FromMilliseconds(100),
        });
        _app = new SampleAppFactory(_sandbox);
        _http = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task Get_returns_a_seeded_customer_read_through_the_configured_client()
    {
        var alice = await _http.GetFromJsonAsync<CustomerView>("/customers/crm-alice");

        Assert.Equal(("crm-alice", "Alice Morgan", "alice@example.com", "Warsaw"), (alice!.SourceId, alice.Name, alice.Email, alice.City));
        Assert.StartsWith("cust_", alice.Id);
        var sent = Assert.Single(_sandbox.Requests);
        Assert.Equal(("GET", "/v1/customers/crm-alice"), (sent.Method, sent.Path));
    }

    [Fact]
    public async Task An_unknown_customer_is_a_404_problem_carrying_the_voucherify_request_id()
    {
        var response = await _http.GetAsync("/customers/nobody");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("not_found", problem!.Title);
        Assert.Equal(Assert.Single(_sandbox.Requests).RequestId, problem.Extensions["voucherifyRequestId"]?.ToString());
    }

    [Fact]
    public async Task Register_creates_the_customer_and_list_walks_the_city_oldest_first()
    {
        var created = await _http.PostAsJsonAsync("/customers", new RegisterCustomer("crm-dave", "Dave Brown", "dave@example.com", "Warsaw"));
        var warsaw = await _http.GetFromJsonAsync<List<CustomerView>>("/customers?city=Warsaw");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/customers/crm-dave", created.Headers.Location!.OriginalString);
        Assert.Equal(["crm-alice", "crm-carol", "crm-dave"], warsaw!.Select(c => c.SourceId));
        Assert.Equal("Dave Brown", (await _sandbox.CreateClient().Customers.GetCustomerAsync("crm-dave")).Name);
    }

    [Fact]
    public async Task An_import_reports_imported_and_rejected_rows()
    {
        var response = await _http.PostAsync("/customers/import",
            new StringContent("Source_id,Email\nimp-1,one@example.com\nimp-2,not-an-email\n", Encoding.UTF8, "text/csv"));

        response.EnsureSuccessStatusCode();
        var outcome = await response.Content.ReadFromJsonAsync<ImportOutcome>();
        Assert.Equal((1, 1), (outcome!.Imported, outcome.Rejected));
        Assert.StartsWith("row 2 (imp-2):", Assert.Single(outcome.RejectedRows));
    }

    [Fact]
    public async Task An_import_that_fails_as_a_whole_is_a_422_with_the_jobs_reason()
    {
        var response = await _http.PostAsync("/customers/import",
            new StringContent("Source_id,Name\nimp-1,\"never closed\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("async_action_failed", problem!.Title);
        Assert.Contains("not closed", problem.Detail);
        Assert.StartsWith("aa_", problem.Extensions["asyncActionId"]?.ToString());
    }

    [Fact]
    public async Task Each_voucherify_call_is_one_redacted_log_event_with_the_request_id_of_errors()
    {
        await _http.GetAsync("/customers?city=Warsaw");
        await _http.GetAsync("/customers/nobody");

        var events = _app.Logs.Entries.Where(e => e.Category == "Voucherify.Http").ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal((LogLevel.Information, "/v1/customers", 200), (events[0].Level, events[0].Values["Route"], events[0].Values["StatusCode"]));
        Assert.DoesNotContain("Warsaw", events[0].Message); // the city is personal data: redacted in the query
        Assert.Equal((LogLevel.Warning, "/v1/customers/{customerId}", 404), (events[1].Level, events[1].Values["Route"], events[1].Values["StatusCode"]));
        Assert.Equal(_sandbox.Requests[^1].RequestId, events[1].Values["RequestId"]);
        Assert.DoesNotContain(_app.Logs.Entries, e => e.Message.Contains(_sandbox.CreateClientOptions().SecretKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Call_durations_reach_opentelemetry_in_second_sized_buckets()
    {
        await _http.GetAsync("/customers/crm-bob");

        _app.Services.GetRequiredService<MeterProvider>().ForceFlush();
        var metric = _app.ExportedMetrics.Last(m => m.Name == VoucherifyDiagnostics.RequestDurationInstrument);
        var bounds = new List<double>();
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            foreach (var bucket in point.GetHistogramBuckets()) bounds.Add(bucket.ExplicitBound);
            Assert.Equal(1, point.GetHistogramCount());
        }
        Assert.Equal("s", metric.Unit);
        // The advised boundaries (then +∞), not OpenTelemetry's millisecond-sized defaults.
        Assert.Equal(VoucherifyDiagnostics.RequestDurationBuckets.Append(double.PositiveInfinity), bounds);
    }
}
