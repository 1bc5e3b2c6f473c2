using System.Net;
using RichardSzalay.MockHttp;

namespace Voucherify.Tests;

public class GetCustomerTests
{
    [Fact]
    public async Task Sends_signed_get_to_the_customer_path_and_reads_the_customer()
    {
        using var t = new TestClient();
        t.Handler.Expect(HttpMethod.Get, $"{TestClient.BaseUrl}/v1/customers/cust_123")
            .WithHeaders("X-App-Id", TestClient.ApplicationId)
            .WithHeaders("X-App-Token", TestClient.SecretKey)
            .Respond("application/json", """{"id":"cust_123","source_id":"alice","email":"alice@example.com","address":null,"summary":null,"object":"customer","created_at":"2022-08-30T06:32:07.380Z"}""");

        var customer = await t.Client.Customers.GetCustomerAsync("cust_123");

        t.Handler.VerifyNoOutstandingExpectation();
        Assert.Equal("cust_123", customer.Id);
        Assert.Equal("alice", customer.SourceId);
        Assert.Null(customer.Address);
        Assert.Equal(new DateTimeOffset(2022, 8, 30, 6, 32, 7, 380, TimeSpan.Zero), customer.CreatedAt);
    }

    [Fact]
    public async Task Not_found_becomes_an_api_exception_with_the_error_details()
    {
        using var t = new TestClient();
        t.Handler.When(HttpMethod.Get, $"{TestClient.BaseUrl}/v1/customers/missing")
            .Respond(HttpStatusCode.NotFound, "application/json",
                """{"code":404,"key":"not_found","message":"Resource not found","details":"Cannot find customer with id missing","request_id":"v-0b4c","resource_id":"missing","resource_type":"customer"}""");

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => t.Client.Customers.GetCustomerAsync("missing"));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("not_found", error.Key);
        Assert.Equal("v-0b4c", error.RequestId);
        Assert.Contains("404", error.Message);
        Assert.Contains("v-0b4c", error.Message);
        Assert.DoesNotContain(TestClient.SecretKey, error.ToString());
    }
}
