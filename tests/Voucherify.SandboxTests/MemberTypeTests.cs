using Voucherify.Sandbox;
using Voucherify.SandboxTests.Raw;

namespace Voucherify.SandboxTests;

/// <summary>
/// A member of the wrong type is refused with a 400 that names it, as the API refuses it: not silently coerced
/// (<c>{"source_id":true}</c> stored as <c>"True"</c>) and not reported without its name.
/// </summary>
public sealed class MemberTypeTests : SandboxPerTest
{

    protected override VoucherifySandboxOptions Options() => Seeded("existing");

    [Theory]
    [InlineData("POST", "/v1/customers", """{"source_id":"new","birthdate":"nonsense"}""", "birthdate")]
    [InlineData("POST", "/v1/customers", """{"source_id":"new","birthday":"1990-13-45"}""", "birthday")]
    [InlineData("POST", "/v1/customers", """{"source_id":true}""", "source_id")]
    [InlineData("POST", "/v1/customers", """{"source_id":42}""", "source_id")]
    [InlineData("POST", "/v1/customers", """{"source_id":"new","name":["Ann"]}""", "name")]
    [InlineData("POST", "/v1/customers", """{"source_id":"new","address":{"city":false}}""", "address.city")]
    [InlineData("POST", "/v1/customers", """{"source_id":"new","address":"Warsaw"}""", "address")]
    [InlineData("PUT", "/v1/customers/existing", """{"email":true}""", "email")]
    [InlineData("PUT", "/v1/customers/existing", """{"birthdate":"nonsense"}""", "birthdate")]
    [InlineData("POST", "/v1/customers/metadata/async", """{"source_ids":["existing",true],"metadata":{"a":1}}""", "source_ids[1]")]
    public async Task A_member_of_the_wrong_type_is_a_400_naming_it_and_nothing_changes(string method, string target, string json, string member)
    {
        var response = await RawHttp.SendAsync(Sandbox, method, target, json);

        Assert.Equal("invalid_payload", ApiError.Assert(response, 400));
        Assert.Equal($"{member} has a value of the wrong type.", (string?)response!.Json!["details"]);
        var list = await RawHttp.SendAsync(Sandbox, "GET", "/v1/customers");
        Assert.Equal(1, (int?)list!.Json!["total"]);
        Assert.Equal("Name of existing", (string?)list.Json["customers"]![0]!["name"]);
    }

    [Theory]
    [InlineData("""{"source_id":"new","birthdate":"1990-02-03","address":{"city":"Oslo"},"metadata":{"n":1,"s":true}}""")]
    [InlineData("""{"source_id":"new","name":null,"birthdate":null,"address":null}""")]
    public async Task Members_of_the_right_type_are_stored(string json)
    {
        var response = await RawHttp.SendAsync(Sandbox, "POST", "/v1/customers", json);

        Assert.Equal(200, response?.StatusCode);
        Assert.Equal("new", (string?)response!.Json!["source_id"]);
    }
}
