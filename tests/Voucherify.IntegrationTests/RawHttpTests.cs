using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using Voucherify.IntegrationTests.Infrastructure;
using Voucherify.Sandbox;

namespace Voucherify.IntegrationTests;

/// <summary>What the typed client never sends (explicit nulls, broken bodies, unknown paths), sent by hand.</summary>
public sealed class RawHttpTests : IAsyncLifetime
{
    private VoucherifySandbox _sandbox = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await Sandboxes.StartAsync();
        _http = _sandbox.RawHttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _sandbox.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JObject Body)> SendAsync(HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, JObject.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_explicit_null_in_an_update_clears_that_member_and_leaves_the_rest()
    {
        await SendAsync(HttpMethod.Post, "v1/customers", """{"source_id":"n-1","name":"Ann","email":"ann@example.com","address":{"city":"Oslo"}}""");

        var (status, body) = await SendAsync(HttpMethod.Put, "v1/customers/n-1", """{"address":null,"email":null}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Ann", (string?)body["name"]);
        Assert.Null(body["address"]);
        Assert.Null(body["email"]);
    }

    [Theory]
    [InlineData("{\"name\":")]
    [InlineData("[1,2]")]
    [InlineData("{\"metadata\":\"not an object\"}")]
    [InlineData("{\"birthdate\":\"yesterday\"}")]
    public async Task A_body_that_is_not_a_customer_is_a_400_invalid_payload(string json)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "v1/customers", json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal((400, "invalid_payload"), ((int?)body["code"], (string?)body["key"]));
        Assert.Equal(0, (int?)(await SendAsync(HttpMethod.Get, "v1/customers", null)).Body["total"]);
    }

    [Fact]
    public async Task A_bulk_body_that_is_not_an_array_of_objects_is_a_400()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "v1/customers/bulk/async", """{"source_id":"x"}""");

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_payload"), (status, (string?)body["key"]));
    }

    [Fact]
    public async Task A_limit_out_of_range_is_a_400_invalid_query_params()
    {
        var (status, body) = await SendAsync(HttpMethod.Get, "v1/customers?limit=101&page=0", null);

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_query_params"), (status, (string?)body["key"]));
        Assert.Contains("limit", (string?)body["details"]);
        Assert.Contains("page", (string?)body["details"]);
    }

    [Fact]
    public async Task An_import_without_a_file_part_is_a_400()
    {
        using var form = new MultipartFormDataContent { { new StringContent("Source_id\nx\n"), "\"other\"", "\"a.csv\"" } };

        using var response = await _http.PostAsync("v1/customers/importCSV", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_in_the_api_error_shape()
    {
        // Not a path of the spec, so not checked against it.
        using var plain = _sandbox.RawHttpClient(checkSpec: false);

        using var response = await plain.GetAsync("v1/vouchers");
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(("not_found", "endpoint", "GET /v1/vouchers"), ((string?)body["key"], (string?)body["resource_type"], (string?)body["resource_id"]));
    }
}
