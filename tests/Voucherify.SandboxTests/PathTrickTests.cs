using Voucherify.Sandbox;
using Voucherify.SandboxTests.Raw;

namespace Voucherify.SandboxTests;

/// <summary>
/// Request targets a client sends without normalising them (<c>curl --path-as-is</c>): the route matches the normalised
/// path, so an id read from the raw target would name another resource than the one routed. Only what the route
/// matched may ever be touched; a dot segment is answered with the API's 404 and changes nothing.
/// </summary>
public sealed class PathTrickTests : SandboxPerTest
{
    protected override VoucherifySandboxOptions Options() => Seeded("victim", "other", "crm-alice", "crm-bob", "a.b", "alice@example.com");

    [Theory]
    [InlineData("DELETE", "/v1/customers/victim/../other")]
    [InlineData("DELETE", "/v1/customers/victim/%2e%2e/other")]
    [InlineData("DELETE", "/v1/customers/victim/%2E./other")]
    [InlineData("DELETE", "/v1/customers/victim/./../other")]
    [InlineData("POST", "/v1/customers/victim/../other/permanent-deletion")]
    [InlineData("PUT", "/v1/customers/victim/../other")]
    public async Task A_dot_segment_in_a_write_is_a_404_and_touches_no_customer(string method, string target)
    {
        var response = await RawHttp.SendAsync(Sandbox, method, target, method == "PUT" ? """{"name":"Changed"}""" : null);

        Assert.Equal("not_found", ApiError.Assert(response, 404));
        Assert.Equal("Name of victim", (await Client.Customers.GetCustomerAsync("victim")).Name);
        Assert.Equal("Name of other", (await Client.Customers.GetCustomerAsync("other")).Name);
        var journaled = await Journaled.SingleAsync(Sandbox, r => r.Method == method);
        Assert.Equal((404, target), (journaled.StatusCode, journaled.Path));
    }

    [Theory]
    [InlineData("/v1/customers/crm-alice/../crm-bob")]
    [InlineData("/v1/customers/crm-alice/../crm-bob/segments")]
    [InlineData("/v1/customers/crm-alice/../crm-bob/activity")]
    [InlineData("/v1/customers/crm-alice/../crm-bob/redeemables")]
    [InlineData("/v1/customers/./crm-bob")]
    [InlineData("/v1/customers/crm-alice/..")]
    public async Task A_dot_segment_in_a_read_is_a_404_that_reveals_no_customer(string target)
    {
        var response = await RawHttp.SendAsync(Sandbox, "GET", target);

        Assert.Equal("not_found", ApiError.Assert(response, 404));
        Assert.DoesNotContain("Name of", response!.Body);
    }

    [Fact]
    public async Task An_absolute_form_target_with_a_dot_segment_is_a_404_too()
    {
        var target = $"http://{Sandbox.BaseUri.Authority}/v1/customers/victim/../other";

        var response = await RawHttp.SendAsync(Sandbox, "DELETE", target);

        Assert.Equal("not_found", ApiError.Assert(response, 404));
        Assert.Equal(2, (await Client.Customers.ListCustomersAsync(limit: 100)).Customers!.Count(c => c.SourceId is "victim" or "other"));
    }

    [Theory]
    [InlineData("/v1/customers/a.b", "Name of a.b")]
    [InlineData("/v1/customers/alice@example.com", "Name of alice@example.com")]
    [InlineData("/v1/customers/alice%40example%2Ecom", "Name of alice@example.com")]
    public async Task Dots_inside_an_id_are_part_of_the_id(string target, string name)
    {
        var response = await RawHttp.SendAsync(Sandbox, "GET", target);

        Assert.Equal(200, response?.StatusCode);
        Assert.Equal(name, (string?)response!.Json?["name"]);
    }
}
