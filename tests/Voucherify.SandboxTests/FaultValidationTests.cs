using Voucherify.Sandbox;
using Voucherify.SandboxTests.Raw;

namespace Voucherify.SandboxTests;

/// <summary>
/// A fault that could never fire (an operation id or a path no operation has) or cannot be represented (a Retry-After
/// of 1e300 or NaN seconds) is refused when it is added, naming the problem and the valid operation ids; before, it
/// was accepted, so a test meant to exercise a failure passed without one, or the admin endpoint failed with a 500.
/// </summary>
public sealed class FaultValidationTests : SandboxPerTest
{
    [Theory]
    [InlineData("""{"operation_id":"get-customerz","status_code":503}""", "get-customerz")]
    [InlineData("""{"operation_id":"GET-CUSTOMER","status_code":503}""", "GET-CUSTOMER")]
    [InlineData("""{"path":"/v1/customerz/*","status_code":503}""", "/v1/customerz/*")]
    [InlineData("""{"path":"/v1/customers/crm-1/activities","status_code":503}""", "/v1/customers/crm-1/activities")]
    [InlineData("""{"path":"v1/customers","status_code":503}""", "v1/customers")]
    [InlineData("""{"path":"/_sandbox/requests","status_code":503}""", "/_sandbox/requests")]
    public async Task A_fault_no_request_could_match_is_a_400_listing_the_operation_ids(string json, string named)
    {
        var response = await RawHttp.SendAsync(Sandbox, "POST", "/_sandbox/faults", json);

        Assert.Equal("invalid_payload", ApiError.Assert(response, 400));
        var details = (string?)response!.Json!["details"];
        Assert.Contains(named, details);
        Assert.Contains("get-customer, update-customer", details);
        Assert.Equal("[]", (await RawHttp.SendAsync(Sandbox, "GET", "/_sandbox/faults"))!.Body);
    }

    [Theory]
    [InlineData("""{"status_code":429,"retry_after_seconds":1e300}""")]
    [InlineData("""{"status_code":429,"retry_after_seconds":NaN}""")]
    [InlineData("""{"status_code":429,"retry_after_seconds":-1}""")]
    public async Task A_retry_after_that_is_no_number_of_seconds_is_a_400(string json)
    {
        var response = await RawHttp.SendAsync(Sandbox, "POST", "/_sandbox/faults", json);

        Assert.Equal("invalid_payload", ApiError.Assert(response, 400));
        Assert.Contains("retry_after_seconds", (string?)response!.Json!["details"]);
    }

    [Theory]
    [InlineData("""{"operation_id":"get-customer","status_code":503}""")]
    [InlineData("""{"operation_id":"get-async-action","status_code":503}""")]
    [InlineData("""{"path":"/v1/customers/*","status_code":503}""")]
    [InlineData("""{"path":"/v1/cust*","status_code":503}""")]
    [InlineData("""{"path":"/v1/customers/a%2Fb/segments","status_code":503}""")]
    [InlineData("""{"path":"/v1/customers/importCSV","method":"POST","status_code":503}""")]
    [InlineData("""{"path":"/v1/async-actions/aa_1","status_code":503}""")]
    public async Task A_fault_some_request_can_match_is_added(string json)
    {
        var response = await RawHttp.SendAsync(Sandbox, "POST", "/_sandbox/faults", json);

        Assert.Equal(201, response?.StatusCode);
    }

    [Fact]
    public async Task In_process_an_unknown_operation_id_is_an_ArgumentException_listing_the_valid_ones()
    {
        var fault = new SandboxFault { OperationId = "get-customerz", StatusCode = 503 };

        var added = Assert.Throws<ArgumentException>(() => Sandbox.AddFault(fault));
        var options = new VoucherifySandboxOptions { Faults = { fault } };
        var started = await Assert.ThrowsAsync<ArgumentException>(() => VoucherifySandbox.StartAsync(options));

        Assert.Contains("get-customerz", added.Message);
        Assert.Contains("list-customers, create-customer, get-customer", added.Message);
        Assert.Equal(added.Message, started.Message);
    }

    [Fact]
    public void In_process_a_path_no_route_has_is_an_ArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => Sandbox.AddFault(new SandboxFault { Path = "/v2/customers/*", StatusCode = 503 }));

        Assert.Contains("/v2/customers/*", error.Message);
    }
}
