using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using Voucherify.IntegrationTests.Infrastructure;
using Voucherify.Sandbox;

namespace Voucherify.IntegrationTests;

/// <summary>The request journal: what a client sent, readable in code and from the standalone server's admin endpoint.</summary>
public sealed class RequestJournalTests
{
    [Fact]
    public async Task Each_request_is_recorded_as_sent_with_the_secret_masked()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();

        await client.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "a/b", Name = "Alice" });
        await client.Customers.ListCustomersAsync(limit: 5, email: "a+b@example.com");
        var requests = sandbox.Requests;

        Assert.Equal(2, requests.Count);
        var create = requests[0];
        Assert.Equal(("POST", "/v1/customers", "", "create-customer", 200), (create.Method, create.Path, create.Query, create.OperationId, create.StatusCode));
        Assert.Equal(new JObject { ["source_id"] = "a/b", ["name"] = "Alice" }, JObject.Parse(create.Body!), JToken.EqualityComparer);
        Assert.Equal(Encoding.UTF8.GetByteCount(create.Body!), create.BodyLength);
        Assert.Equal("***", create.Headers["x-app-token"]);
        Assert.Equal("sandbox-app-id", create.Headers["X-App-Id"]);
        Assert.StartsWith("application/json", create.Headers["Content-Type"]);
        Assert.DoesNotContain(requests.SelectMany(r => r.Headers.Values), v => v.Contains("sandbox-secret-key"));
        var list = requests[1];
        Assert.Equal(("GET", "list-customers", null, 0L), (list.Method, list.OperationId, list.Body, list.BodyLength));
        Assert.Equal("limit=5&email=a%2Bb%40example.com", list.Query);
        Assert.StartsWith("v-", list.RequestId);
    }

    [Fact]
    public async Task The_path_keeps_its_percent_encoding_and_an_unknown_path_has_no_operation()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var http = sandbox.RawHttpClient(checkSpec: false);

        using var get = await http.GetAsync("v1/customers/a%2Fb");
        using var unknown = await http.GetAsync("v1/vouchers");

        Assert.Equal(("/v1/customers/a%2Fb", "get-customer"), (sandbox.Requests[0].Path, sandbox.Requests[0].OperationId));
        Assert.Equal(("/v1/vouchers", null, 404), (sandbox.Requests[1].Path, sandbox.Requests[1].OperationId, sandbox.Requests[1].StatusCode));
    }

    [Fact]
    public async Task A_csv_import_is_recorded_by_its_file_part_name_and_size_not_its_body()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();
        var csv = Encoding.UTF8.GetBytes("Source_id,Name\r\nc-1,Carol\r\n");

        await client.Customers.ImportCustomersFromCsvAsync(new MemoryStream(csv), "people.csv");
        var import = sandbox.Requests.Single();

        Assert.Equal(("import-customers-using-csv", 202, null), (import.OperationId, import.StatusCode, import.Body));
        var file = Assert.Single(import.Files);
        Assert.Equal(("file", "people.csv", (long)csv.Length), (file.Name, file.FileName, file.Length));
        Assert.True(import.BodyLength > csv.Length);
    }

    [Fact]
    public async Task A_rejected_request_is_recorded_with_the_body_it_carried()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var http = sandbox.RawHttpClient(checkSpec: false);
        http.DefaultRequestHeaders.Remove("X-App-Token");
        http.DefaultRequestHeaders.Add("X-App-Token", "wrong-secret");

        using var response = await http.PostAsync("v1/customers", new StringContent("""{"source_id":"x"}""", Encoding.UTF8, "application/json"));
        var rejected = sandbox.Requests.Single();

        Assert.Equal((401, """{"source_id":"x"}""", "***"), (rejected.StatusCode, rejected.Body, rejected.Headers["X-App-Token"]));
    }

    [Fact]
    public async Task The_journal_keeps_the_newest_requests_up_to_its_capacity_and_can_be_cleared()
    {
        var options = Sandboxes.FastJobs();
        options.JournalCapacity = 3;
        await using var sandbox = await VoucherifySandbox.StartAsync(options);
        using var client = sandbox.CheckedClient();

        for (var i = 1; i <= 5; i++) await client.Customers.ListCustomersAsync(limit: i);
        var kept = sandbox.Requests.Select(r => r.Query).ToList();
        sandbox.ClearRequests();
        var cleared = sandbox.Requests.Count;
        await client.Customers.ListCustomerSegmentsAsync("anyone");

        Assert.Equal(["limit=3", "limit=4", "limit=5"], kept);
        Assert.Equal(0, cleared);
        Assert.Equal("list-customer-segments", sandbox.Requests.Single().OperationId);
    }

    [Fact]
    public async Task The_admin_endpoint_lists_and_clears_the_journal_and_is_not_journaled_itself()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var http = sandbox.RawHttpClient(checkSpec: false);
        using var anonymous = new HttpClient { BaseAddress = sandbox.BaseUri };
        await http.PutAsync("v1/customers/nobody", new StringContent("""{"name":"N"}""", Encoding.UTF8, "application/json"));

        var listed = JArray.Parse(await http.GetStringAsync("_sandbox/requests"));
        using var unauthorized = await anonymous.GetAsync("_sandbox/requests");
        using var clear = await http.DeleteAsync("_sandbox/requests");
        var afterClear = JArray.Parse(await http.GetStringAsync("_sandbox/requests"));

        var entry = (JObject)Assert.Single(listed);
        Assert.Equal(("PUT", "/v1/customers/nobody", "update-customer", 404), ((string?)entry["method"], (string?)entry["path"], (string?)entry["operation_id"], (int)entry["status_code"]!));
        Assert.Equal("""{"name":"N"}""", (string?)entry["body"]);
        Assert.Equal("***", (string?)entry["headers"]!["X-App-Token"]);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, clear.StatusCode);
        Assert.Empty(afterClear);
        Assert.Empty(sandbox.Requests); // neither the admin calls nor the refused one: only API paths are journaled
    }
}
