using Voucherify.SandboxTests.Raw;

namespace Voucherify.SandboxTests;

/// <summary>
/// The spec's <c>x-voucherify-required-items</c>: a bulk update with no customers, or a metadata update naming no
/// source_ids, is the API's 400 (the handler returns before it would queue a job).
/// </summary>
public sealed class RequiredItemsTests : SandboxPerTest
{
    [Theory]
    [InlineData("/v1/customers/bulk/async", "[]", "The request body must hold at least one item.")]
    [InlineData("/v1/customers/metadata/async", """{"source_ids":[],"metadata":{"tier":"gold"}}""", "source_ids must hold at least one item.")]
    public async Task An_empty_required_list_is_a_400_and_journaled_as_one(string target, string json, string details)
    {
        var response = await RawHttp.SendAsync(Sandbox, "POST", target, json);

        Assert.Equal("invalid_payload", ApiError.Assert(response, 400));
        Assert.Equal(details, (string?)response!.Json!["details"]);
        Assert.Equal(400, (await Journaled.SingleAsync(Sandbox, r => r.Path == target)).StatusCode);
    }

    [Theory]
    [InlineData("/v1/customers/bulk/async", """[{"source_id":"a"}]""")]
    [InlineData("/v1/customers/metadata/async", """{"source_ids":["a"],"metadata":{"tier":"gold"}}""")]
    public async Task One_item_is_enough(string target, string json)
    {
        var response = await RawHttp.SendAsync(Sandbox, "POST", target, json);

        Assert.Equal(202, response?.StatusCode);
    }
}
