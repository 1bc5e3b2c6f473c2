using Voucherify.IntegrationTests.Infrastructure;

namespace Voucherify.IntegrationTests;

/// <summary>The spec check that guards every other test must itself reject what the contract forbids.</summary>
public sealed class SpecCheckTests
{
    private static IReadOnlyList<string> Check(string method, string path, int status, string body) =>
        SpecResponseValidator.Shared.Check(method, path, status, body.Length == 0 ? null : "application/json; charset=utf-8", body);

    [Fact]
    public void A_conforming_customer_passes()
    {
        Assert.Empty(Check("GET", "/v1/customers/cust_1", 200,
            """{"id":"cust_1","source_id":"a","address":null,"metadata":{"k":[1]},"created_at":"2024-01-02T03:04:05.123456Z","object":"customer"}"""));
    }

    [Fact]
    public void A_member_with_the_wrong_type_is_a_violation()
    {
        Assert.NotEmpty(Check("GET", "/v1/customers", 200, """{"object":"list","customers":"none","total":0}"""));
    }

    [Fact]
    public void A_member_the_spec_does_not_name_is_a_violation()
    {
        Assert.NotEmpty(Check("GET", "/v1/customers/cust_1", 200, """{"id":"cust_1","sorce_id":"typo"}"""));
    }

    [Fact]
    public void A_malformed_date_time_is_a_violation()
    {
        Assert.NotEmpty(Check("GET", "/v1/async-actions/aa_1", 200, """{"id":"aa_1","created_at":"yesterday"}"""));
    }

    [Fact]
    public void An_undeclared_status_is_a_violation()
    {
        Assert.NotEmpty(Check("GET", "/v1/customers", 500, """{"code":500}"""));
    }

    [Fact]
    public void A_body_on_a_204_is_a_violation()
    {
        Assert.NotEmpty(Check("DELETE", "/v1/customers/cust_1", 204, """{"deleted":true}"""));
    }

    [Fact]
    public void A_413_must_have_the_gateway_shape()
    {
        Assert.Empty(Check("POST", "/v1/customers/bulk/async", 413, """{"statusCode":413,"error":"Request Entity Too Large","message":"m"}"""));
        Assert.NotEmpty(Check("POST", "/v1/customers/bulk/async", 413, """{"statusCode":"413","error":{"message":"m"}}"""));
    }
}
