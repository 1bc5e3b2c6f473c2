using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace Voucherify.Tests.Sdk;

public class BulkUpdateTests
{
    private static readonly string BulkUrl = $"{TestClient.BaseUrl}/v1/customers/bulk/async";
    private static readonly string MetadataUrl = $"{TestClient.BaseUrl}/v1/customers/metadata/async";

    /// <summary>Answers each bulk POST with the next async action id and records the bodies.</summary>
    private sealed class BulkEndpoint
    {
        public List<byte[]> Bodies { get; } = new();

        public void Register(MockHttpMessageHandler mock, string url) =>
            mock.When(HttpMethod.Post, url).Respond(async request =>
            {
                Bodies.Add(await request.Content!.ReadAsByteArrayAsync());
                return new HttpResponseMessage(HttpStatusCode.Accepted)
                {
                    Content = new StringContent($$"""{"async_action_id":"aa_{{Bodies.Count}}"}""", Encoding.UTF8, "application/json"),
                };
            });
    }

    private static void RespondDone(MockHttpMessageHandler mock, string id, int done, int failed, string? error = null)
    {
        var errors = error is null ? new JArray() : new JArray(new JObject { ["source_id"] = error, ["key"] = "invalid", ["message"] = "bad", ["details"] = "d" });
        var action = new JObject
        {
            ["id"] = id, ["type"] = "CUSTOMERS.BULK_UPDATE", ["status"] = "DONE", ["progress"] = 100,
            ["result"] = new JObject
            {
                ["done_count"] = done, ["failed_count"] = failed, ["reports"] = new JArray($"https://reports.test/{id}.csv"),
                ["reports_available_till"] = "2030-01-01T00:00:00Z", ["errors"] = errors,
            },
        };
        mock.When(HttpMethod.Get, $"{TestClient.BaseUrl}/v1/async-actions/{id}").Respond("application/json", action.ToString());
    }

    [Fact]
    public async Task Splits_into_the_fewest_requests_that_fit_the_byte_limit_counting_utf8_bytes()
    {
        var mock = new MockHttpMessageHandler();
        var endpoint = new BulkEndpoint();
        endpoint.Register(mock, BulkUrl);
        using var client = SdkTestClient.Create(mock);
        // {"source_id":"ż00"} is 20 bytes ('ż' takes two); a request of n is 2 + 20n + (n - 1) bytes: 4 fit in 100 (85), 5 do not (106).
        var customers = Enumerable.Range(0, 10).Select(i => new CustomerBulkUpdateItem { SourceId = $"ż{i:D2}" }).ToList();

        var summary = await client.Customers.UpdateCustomersInBatchesAsync(customers, new BulkUpdateOptions { MaxRequestBytes = 100, WaitForCompletion = false });

        Assert.Equal(new[] { 85, 85, 43 }, endpoint.Bodies.Select(b => b.Length));
        Assert.Equal(customers.Select(c => c.SourceId), endpoint.Bodies.SelectMany(b => JArray.Parse(Encoding.UTF8.GetString(b)).Select(t => (string)t["source_id"]!)));
        Assert.Equal(new[] { "aa_1", "aa_2", "aa_3" }, summary.AsyncActionIds);
        Assert.Empty(summary.FinishedActions);
        Assert.False(summary.IsComplete);
    }

    [Fact]
    public async Task Fills_requests_up_to_the_real_10_MB_limit()
    {
        var mock = new MockHttpMessageHandler();
        var endpoint = new BulkEndpoint();
        endpoint.Register(mock, BulkUrl);
        using var client = SdkTestClient.Create(mock);
        var description = new string('x', 1000);
        var customers = Enumerable.Range(0, 25_000).Select(i => new CustomerBulkUpdateItem { SourceId = $"c{i:D5}", Description = description });

        var summary = await client.Customers.UpdateCustomersInBatchesAsync(customers, new BulkUpdateOptions { WaitForCompletion = false });

        // Each item is {"source_id":"c00000","description":"x…x"}: 1 039 bytes, so (10 485 760 - 1) / 1 040 = 10 082 per request.
        const int itemBytes = 1039, perRequest = (10_485_760 - 1) / (itemBytes + 1);
        Assert.Equal(3, summary.AsyncActionIds.Count);
        Assert.Equal(new[] { 1 + (itemBytes + 1) * perRequest, 1 + (itemBytes + 1) * perRequest, 1 + (itemBytes + 1) * (25_000 - 2 * perRequest) },
            endpoint.Bodies.Select(b => b.Length));
        Assert.All(endpoint.Bodies, b => Assert.True(b.Length <= BulkUpdateOptions.ApiMaxRequestBytes));
    }

    [Fact]
    public async Task Waits_for_every_job_and_adds_up_their_results()
    {
        var mock = new MockHttpMessageHandler();
        var endpoint = new BulkEndpoint();
        endpoint.Register(mock, BulkUrl);
        RespondDone(mock, "aa_1", done: 4, failed: 0);
        RespondDone(mock, "aa_2", done: 3, failed: 1, error: "c07");
        using var client = SdkTestClient.Create(mock);
        var customers = Enumerable.Range(0, 8).Select(i => new CustomerBulkUpdateItem { SourceId = $"c{i:D2}" });

        var summary = await client.Customers.UpdateCustomersInBatchesAsync(customers, new BulkUpdateOptions { MaxRequestBytes = 100 });

        Assert.Equal(2, endpoint.Bodies.Count);
        Assert.True(summary.IsComplete);
        Assert.True(summary.HasFailures);
        Assert.Equal(7, summary.DoneCount);
        Assert.Equal(1, summary.FailedCount);
        Assert.Equal("c07", Assert.Single(summary.Errors).SourceId);
        Assert.Equal(new[] { "https://reports.test/aa_1.csv", "https://reports.test/aa_2.csv" }, summary.Reports);
    }

    private static void RespondFailed(MockHttpMessageHandler mock, string id, string type, string message)
    {
        var action = new JObject
        {
            ["id"] = id, ["type"] = type, ["status"] = "FAILED", ["operation_status"] = "FAILED", ["progress"] = 100,
            ["result"] = new JObject { ["message"] = message, ["done_count"] = 0, ["failed_count"] = 0 },
        };
        mock.When(HttpMethod.Get, $"{TestClient.BaseUrl}/v1/async-actions/{id}").Respond("application/json", action.ToString());
    }

    [Fact]
    public async Task A_failed_job_throws_after_every_job_was_waited_for_with_all_of_them_in_the_summary()
    {
        var mock = new MockHttpMessageHandler();
        var endpoint = new BulkEndpoint();
        endpoint.Register(mock, BulkUrl);
        RespondFailed(mock, "aa_1", "CUSTOMERS.BULK_UPDATE", "Internal error while processing the batch");
        RespondDone(mock, "aa_2", done: 4, failed: 0);
        RespondDone(mock, "aa_3", done: 4, failed: 0);
        using var client = SdkTestClient.Create(mock);
        // Three jobs, one failed: the message's count of failed jobs differs from the count of the others.
        var customers = Enumerable.Range(0, 12).Select(i => new CustomerBulkUpdateItem { SourceId = $"c{i:D2}" });

        var failure = await Assert.ThrowsAsync<AsyncActionFailedException>(
            () => client.Customers.UpdateCustomersInBatchesAsync(customers, new BulkUpdateOptions { MaxRequestBytes = 100 }));

        Assert.Equal(("aa_1", "Internal error while processing the batch"), (failure.AsyncActionId, failure.Reason));
        var summary = failure.Summary!;
        Assert.Equal(new[] { "aa_1", "aa_2", "aa_3" }, summary.AsyncActionIds);
        Assert.Equal(new[] { "FAILED", "DONE", "DONE" }, summary.FinishedActions.Select(job => job.Status));
        Assert.True(summary.HasFailures);
        Assert.Equal(8, summary.DoneCount);
        Assert.Equal(
            "Async action aa_1 (CUSTOMERS.BULK_UPDATE) failed: Internal error while processing the batch. 1 of the 3 jobs of this batch update failed; the others' results are in Summary.",
            failure.Message);
    }

    [Fact]
    public async Task A_failed_metadata_job_throws_too()
    {
        var mock = new MockHttpMessageHandler();
        var endpoint = new BulkEndpoint();
        endpoint.Register(mock, MetadataUrl);
        RespondFailed(mock, "aa_1", "CUSTOMERS.METADATA_UPDATE", "Metadata schema violated");
        using var client = SdkTestClient.Create(mock);

        var failure = await Assert.ThrowsAsync<AsyncActionFailedException>(
            () => client.Customers.UpdateCustomersMetadataInBatchesAsync(new[] { "a", "b" }, new Dictionary<string, object> { ["tier"] = "gold" }));

        Assert.Equal("Metadata schema violated", failure.Reason);
        Assert.Equal("aa_1", Assert.Single(failure.Summary!.FinishedActions).Id);
    }

    [Fact]
    public async Task Metadata_update_splits_the_source_ids_and_repeats_the_metadata_in_every_request()
    {
        var mock = new MockHttpMessageHandler();
        var endpoint = new BulkEndpoint();
        endpoint.Register(mock, MetadataUrl);
        using var client = SdkTestClient.Create(mock);
        var metadata = new Dictionary<string, object> { ["tier"] = "gold" };
        // {"source_ids":[],"metadata":{"tier":"gold"}} is 44 bytes; each "s00" adds 5, plus a comma between ids: 9 fit in 100 (97).
        var sourceIds = Enumerable.Range(0, 20).Select(i => $"s{i:D2}").ToList();

        await client.Customers.UpdateCustomersMetadataInBatchesAsync(sourceIds, metadata, new BulkUpdateOptions { MaxRequestBytes = 100, WaitForCompletion = false });

        Assert.Equal(new[] { 97, 97, 55 }, endpoint.Bodies.Select(b => b.Length));
        var bodies = endpoint.Bodies.Select(b => JObject.Parse(Encoding.UTF8.GetString(b))).ToList();
        Assert.Equal(sourceIds, bodies.SelectMany(b => b["source_ids"]!.Values<string>()));
        Assert.All(bodies, b => Assert.Equal("gold", (string)b["metadata"]!["tier"]!));
    }

    [Fact]
    public async Task An_item_larger_than_the_limit_is_rejected_naming_the_jobs_already_started()
    {
        var mock = new MockHttpMessageHandler();
        var endpoint = new BulkEndpoint();
        endpoint.Register(mock, BulkUrl);
        using var client = SdkTestClient.Create(mock);
        var customers = new[]
        {
            new CustomerBulkUpdateItem { SourceId = "small" },
            new CustomerBulkUpdateItem { SourceId = "huge", Description = new string('x', 200) },
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            client.Customers.UpdateCustomersInBatchesAsync(customers, new BulkUpdateOptions { MaxRequestBytes = 100, WaitForCompletion = false }));

        Assert.Contains("Item 1 alone", error.Message);
        Assert.Contains("Jobs already started: none", error.Message);
        Assert.Empty(endpoint.Bodies);
    }

    [Fact]
    public async Task A_customer_without_source_id_is_rejected_before_anything_is_sent()
    {
        var mock = new MockHttpMessageHandler();
        using var client = SdkTestClient.Create(mock);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            client.Customers.UpdateCustomersInBatchesAsync(new[] { new CustomerBulkUpdateItem { Name = "No Id" } }));

        Assert.Contains("Customer 0 has no SourceId", error.Message);
    }
}
