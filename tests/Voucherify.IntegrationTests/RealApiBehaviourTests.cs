using System.Net;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Voucherify.IntegrationTests.Infrastructure;
using Voucherify.Sandbox;

namespace Voucherify.IntegrationTests;

/// <summary>Behaviours of the real API that the vendor's SDKs found missing from the sandbox.</summary>
public sealed class RealApiBehaviourTests
{
    [Fact]
    public async Task A_source_id_with_a_slash_can_be_read_updated_and_deleted()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();

        var created = await client.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "crm/42" });
        var read = await client.Customers.GetCustomerAsync("crm/42");
        var updated = await client.Customers.UpdateCustomerAsync("crm/42", new CustomerUpdateOptions { Name = "Slash" });
        var activity = await client.Customers.ListCustomerActivityAsync("crm/42");
        await client.Customers.DeleteCustomerAsync("crm/42");

        Assert.Equal(created.Id, read.Id);
        Assert.Equal("Slash", updated.Name);
        Assert.Equal(2, activity.Data!.Count);
        Assert.Contains("/v1/customers/crm%2F42", sandbox.Requests.Select(r => r.Path));
        Assert.Equal(0, (await client.Customers.ListCustomersAsync()).Total);
    }

    [Fact]
    public async Task A_path_segment_is_decoded_once_so_an_encoded_percent_stays_a_percent()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        sandbox.Seed(SandboxSeed.Parse("""{"customers":[{"source_id":"a%2Fb","name":"percent"},{"source_id":"a/b","name":"slash"}]}"""));
        using var http = sandbox.RawHttpClient();

        var percent = JObject.Parse(await http.GetStringAsync("v1/customers/a%252Fb"));
        var slash = JObject.Parse(await http.GetStringAsync("v1/customers/a%2Fb"));

        Assert.Equal("percent", (string?)percent["name"]);
        Assert.Equal("slash", (string?)slash["name"]);
    }

    [Theory]
    [InlineData("PATCH", "v1/customers/crm-1", "GET, PUT, DELETE")]
    [InlineData("DELETE", "v1/customers", "GET, POST")]
    [InlineData("POST", "v1/customers/crm-1/segments", "GET")]
    [InlineData("GET", "v1/customers/bulk/async", "POST")]
    public async Task A_known_path_with_another_method_is_a_405_naming_the_allowed_ones(string method, string path, string allowed)
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var http = sandbox.RawHttpClient(checkSpec: false);

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allowed.Split(", ").Order(), response.Content.Headers.Allow.Order());
        Assert.Equal((405, "method_not_allowed"), ((int)body["code"]!, (string?)body["key"]));
    }

    [Fact]
    public async Task An_unknown_path_stays_a_404()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var http = sandbox.RawHttpClient(checkSpec: false);

        using var response = await http.GetAsync("v1/vouchers/v_1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_the_rate_limit_headers_with_a_generous_default()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var http = sandbox.RawHttpClient(checkSpec: false);

        using var first = await http.GetAsync("v1/customers");
        using var notFound = await http.GetAsync("v1/customers/nobody");

        Assert.Equal("100000", first.Headers.GetValues("X-Rate-Limit-Limit").Single());
        Assert.Equal("99999", first.Headers.GetValues("X-Rate-Limit-Remaining").Single());
        Assert.Equal("99998", notFound.Headers.GetValues("X-Rate-Limit-Remaining").Single());
    }

    [Fact]
    public async Task Bulk_results_date_their_reports_and_report_items_without_source_id_without_dotnet_internals()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();
        using var http = sandbox.RawHttpClient();
        const string items = """[{"source_id":"ok"},{"name":"no source id"},{"source_id":"bad","birthdate":"not a date"},{"source_id":"typed","metadata":"text"}]""";

        var started = JObject.Parse(await (await http.PostAsync("v1/customers/bulk/async", new StringContent(items, Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync());
        var action = await client.AsyncActions.WaitForCompletionAsync((string)started["async_action_id"]!, Sandboxes.QuickPolling());
        var raw = JsonConvert.DeserializeObject<JObject>(await http.GetStringAsync($"v1/async-actions/{action.Id}"),
            new JsonSerializerSettings { DateParseHandling = DateParseHandling.None })!;
        var result = (JObject)raw["result"]!;
        var errors = result["errors"]!.Children<JObject>().ToList();

        Assert.Equal((1, 3), ((int)result["done_count"]!, (int)result["failed_count"]!));
        Assert.Equal(action.UpdatedAt!.Value.AddDays(7), DateTimeOffset.Parse((string)result["reports_available_till"]!));
        Assert.True(errors[0].ContainsKey("source_id"));
        Assert.Equal(JTokenType.Null, errors[0]["source_id"]!.Type);
        Assert.Equal("source_id is required.", (string?)errors[0]["details"]);
        Assert.Equal(["bad", "typed"], errors.Skip(1).Select(e => (string?)e["source_id"]));
        Assert.All(errors, e => Assert.DoesNotMatch("System\\.|Newtonsoft|Nullable|`1", (string?)e["details"] ?? ""));
        Assert.Contains("metadata", (string?)errors[2]["details"]);
    }

    [Fact]
    public async Task A_400_for_a_wrongly_typed_member_names_the_member_not_a_dotnet_type()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var http = sandbox.RawHttpClient();

        using var response = await http.PostAsync("v1/customers", new StringContent("""{"source_id":"x","address":"Main St"}""", Encoding.UTF8, "application/json"));
        var details = (string?)JObject.Parse(await response.Content.ReadAsStringAsync())["details"];

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("address has a value of the wrong type.", details);
    }

    [Fact]
    public async Task An_activity_snapshot_omits_a_member_the_customer_omits()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();
        using var http = sandbox.RawHttpClient();
        await client.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "d", Description = "to clear" });

        using var cleared = await http.PutAsync("v1/customers/d", new StringContent("""{"description":null}""", Encoding.UTF8, "application/json"));
        var customer = JObject.Parse(await http.GetStringAsync("v1/customers/d"));
        var activity = JObject.Parse(await http.GetStringAsync("v1/customers/d/activity?limit=1"));
        var snapshot = (JObject)activity["data"]![0]!["data"]!["data"]!["customer"]!;

        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.False(customer.ContainsKey("description"));
        Assert.False(snapshot.ContainsKey("description"));
        Assert.DoesNotContain(snapshot.Properties(), p => p.Value.Type == JTokenType.Null);
    }
}
