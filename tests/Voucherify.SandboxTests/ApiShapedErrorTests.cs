using Voucherify.Sandbox;
using Voucherify.SandboxTests.Raw;

namespace Voucherify.SandboxTests;

/// <summary>
/// Refusals that used to come from Kestrel or routing with an empty body (414, 431, a 404 for a last segment with a
/// dot) come in the API's error shape, from the sandbox itself; only what is beyond Kestrel's raised limits, or
/// malformed at the protocol level, is still Kestrel's.
/// </summary>
public sealed class ApiShapedErrorTests : SandboxPerTest
{
    [Fact]
    public async Task A_10000_character_id_is_a_414_in_the_error_shape()
    {
        var response = await RawHttp.SendAsync(Sandbox, "GET", "/v1/customers/" + new string('a', 10_000));

        Assert.Equal("uri_too_long", ApiError.Assert(response, 414));
    }

    [Fact]
    public async Task A_100_KB_query_is_a_414_in_the_error_shape_and_journaled()
    {
        var response = await RawHttp.SendAsync(Sandbox, "GET", "/v1/customers?email=" + new string('a', 100 * 1024));

        Assert.Equal("uri_too_long", ApiError.Assert(response, 414));
        var journaled = await Journaled.SingleAsync(Sandbox, r => r.Path == "/v1/customers");
        Assert.Equal((414, null), (journaled.StatusCode, journaled.OperationId));
    }

    [Fact]
    public async Task A_target_within_the_limit_is_served()
    {
        var response = await RawHttp.SendAsync(Sandbox, "GET", "/v1/customers/" + new string('a', 8000));

        Assert.Equal("not_found", ApiError.Assert(response, 404));
    }

    [Fact]
    public async Task Beyond_the_raised_protocol_limit_Kestrel_still_refuses_on_its_own()
    {
        // 32 times the sandbox's 8 KiB: documented as the one case left to Kestrel's empty 414.
        var response = await RawHttp.SendAsync(Sandbox, "GET", "/v1/customers?email=" + new string('a', 300 * 1024));

        Assert.Equal((414, ""), (response?.StatusCode, response?.Body));
    }

    [Theory]
    [InlineData(1, 40 * 1024)]
    [InlineData(150, 10)]
    public async Task Headers_over_the_limits_are_a_431_in_the_error_shape(int count, int length)
    {
        var headers = Enumerable.Range(0, count).Select(i => $"X-Filler-{i}: {new string('h', length)}").ToArray();

        var response = await RawHttp.SendAsync(Sandbox, "GET", "/v1/customers", null, headers);

        Assert.Equal("request_header_fields_too_large", ApiError.Assert(response, 431));
    }

    [Theory]
    [InlineData("PATCH", "/v1/customers/a.b", 405)]
    [InlineData("PATCH", "/v1/customers/ab", 405)]
    [InlineData("POST", "/v1/customers/alice@example.com", 405)]
    [InlineData("GET", "/v1/vouchers/v.json", 404)]
    [InlineData("GET", "/favicon.ico", 404)]
    public async Task A_last_segment_with_a_dot_gets_the_same_404_or_405_as_any_other(string method, string target, int status)
    {
        var response = await RawHttp.SendAsync(Sandbox, method, target);

        ApiError.Assert(response, status);
    }
}
