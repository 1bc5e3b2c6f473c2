namespace Voucherify.Tests;

/// <summary>The API's error shapes, non-JSON failures and unusable 2xx bodies all become a VoucherifyApiException.</summary>
public class ErrorResponseTests
{
    [Fact]
    public async Task The_usual_error_object_fills_every_property_and_a_self_contained_message()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, "/v1/customers/cust_sehkNIi8Uq2qQuRqSr7xn4Z").RespondWithFixture(HttpStatusCode.NotFound, "Errors/not-found.json");

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => t.Customers.GetCustomerAsync("cust_sehkNIi8Uq2qQuRqSr7xn4Z"));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal(404, error.Code);
        Assert.Equal("not_found", error.Key);
        Assert.Equal("Resource not found", error.ApiMessage);
        Assert.Equal("Cannot find customer with id cust_sehkNIi8Uq2qQuRqSr7xn4Z", error.Details);
        Assert.Equal("v-0b4c590350857970df", error.RequestId);
        Assert.Equal("cust_sehkNIi8Uq2qQuRqSr7xn4Z", error.ResourceId);
        Assert.Equal("customer", error.ResourceType);
        Assert.Null(error.ValidationMessage);
        Assert.Equal(TestClient.Fixture("Errors/not-found.json"), error.ResponseBody);
        Assert.Equal(
            "Voucherify API error 404 (not_found): Resource not found. Cannot find customer with id cust_sehkNIi8Uq2qQuRqSr7xn4Z [request v-0b4c590350857970df]",
            error.Message);
        AssertNoSecret(error);
    }

    [Fact]
    public async Task A_validation_rule_message_is_kept_and_quoted_in_the_message()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Post, "/v1/customers").RespondWithFixture(HttpStatusCode.BadRequest, "Errors/validation-rule.json");

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(
            () => t.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "club-member-7" }));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("invalid_customer", error.Key);
        Assert.Equal("Customers from the loyalty club must have an e-mail address", error.ValidationMessage);
        Assert.Contains("Validation: Customers from the loyalty club must have an e-mail address", error.Message);
        Assert.Contains("Property email: must be a valid e-mail address", error.Message);
        Assert.Null(error.ResourceId);
        AssertNoSecret(error);
    }

    [Fact]
    public async Task The_gateways_413_shape_is_read_from_statusCode_and_its_string_error()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Post, "/v1/customers/bulk/async").RespondWithFixture(HttpStatusCode.RequestEntityTooLarge, "Errors/payload-too-large.json");

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(
            () => t.Customers.UpdateCustomersInBulkAsync([new CustomerBulkUpdateItem { SourceId = "s" }]));

        Assert.Equal(413, error.StatusCode);
        Assert.Equal(413, error.Code);
        Assert.Null(error.Key);
        Assert.Equal("Payload content length greater than maximum allowed: 10485760", error.ApiMessage);
        Assert.Equal("Request Entity Too Large", error.Details);
        Assert.Null(error.ValidationMessage);
        Assert.Null(error.RequestId);
        Assert.Equal(
            "Voucherify API error 413: Payload content length greater than maximum allowed: 10485760. Request Entity Too Large",
            error.Message);
        AssertNoSecret(error);
    }

    [Theory]
    [InlineData("""{"code":45000000000000000000,"statusCode":"404","message":"gone"}""", 404)]
    [InlineData("""{"code":99999999999,"message":"gone"}""", null)]
    [InlineData("""{"code":true,"statusCode":{"n":404},"message":"gone"}""", null)]
    [InlineData("""{"code":" 404","message":"gone"}""", 404)]
    public async Task A_code_that_is_not_an_int_falls_back_to_statusCode_and_then_to_none(string body, int? code)
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, "/v1/customers/cust_1").RespondWithJson(HttpStatusCode.NotFound, body);

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => t.Customers.GetCustomerAsync("cust_1"));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal(code, error.Code);
        Assert.Equal("gone", error.ApiMessage);
    }

    [Fact]
    public async Task The_429_shape_with_a_numeric_code_keeps_the_rate_limit_headers()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Post, "/v1/customers/bulk/async").Respond(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests)
            {
                Content = new StringContent("""{"code":429,"message":"Too many requests hit the API too quickly."}""", System.Text.Encoding.UTF8, "application/json"),
            };
            response.Headers.TryAddWithoutValidation("Retry-After", "7");
            response.Headers.TryAddWithoutValidation("X-Rate-Limit-Type", "bulk_api_calls");
            response.Headers.TryAddWithoutValidation("X-Rate-Limit-Remaining", "0");
            return response;
        });

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(
            () => t.Customers.UpdateCustomersInBulkAsync([new CustomerBulkUpdateItem { SourceId = "s" }]));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal(429, error.Code);
        Assert.Equal("Too many requests hit the API too quickly.", error.ApiMessage);
        Assert.Null(error.Key);
        Assert.Null(error.Details);
        Assert.Equal(["7"], error.Headers["retry-after"]);
        Assert.Equal(["bulk_api_calls"], error.Headers["X-Rate-Limit-Type"]);
        Assert.Equal(["0"], error.Headers["X-Rate-Limit-Remaining"]);
        Assert.Equal("Voucherify API error 429: Too many requests hit the API too quickly.", error.Message);
        AssertNoSecret(error);
    }

    [Fact]
    public async Task The_429_shape_with_a_string_code_and_no_message_still_explains_itself()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Post, "/v1/customers/bulk/async").RespondWithJson(HttpStatusCode.TooManyRequests, """{"code":"429"}""");

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(
            () => t.Customers.UpdateCustomersInBulkAsync([new CustomerBulkUpdateItem { SourceId = "s" }]));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal(429, error.Code);
        Assert.Null(error.ApiMessage);
        Assert.Equal("""{"code":"429"}""", error.ResponseBody);
        Assert.Equal("Voucherify API error 429: the response had no error message.", error.Message);
    }

    [Fact]
    public async Task A_401_names_the_status_without_revealing_the_credentials()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, "/v1/customers").RespondWithFixture(HttpStatusCode.Unauthorized, "Errors/unauthorized.json");

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => t.Customers.ListCustomersAsync());

        Assert.Equal(401, error.StatusCode);
        Assert.Equal(401, error.Code);
        Assert.Equal("unauthorized", error.Key);
        Assert.Equal("Missing or invalid credentials", error.Details);
        Assert.Equal("v-0d1f0c2a7b3e9a44f0", error.RequestId);
        Assert.Equal("Voucherify API error 401 (unauthorized): Unauthorized. Missing or invalid credentials [request v-0d1f0c2a7b3e9a44f0]", error.Message);
        AssertNoSecret(error);
    }

    [Fact]
    public async Task An_html_500_page_is_quoted_briefly_in_the_message_and_kept_whole_in_the_body()
    {
        using var t = new TestClient();
        var html = TestClient.Fixture("Errors/gateway-error.html");
        t.Expect(HttpMethod.Get, "/v1/customers/cust_1").Respond(HttpStatusCode.InternalServerError, "text/html", html);

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => t.Customers.GetCustomerAsync("cust_1"));

        Assert.Equal(500, error.StatusCode);
        Assert.Null(error.Code);
        Assert.Null(error.Key);
        Assert.Null(error.ApiMessage);
        Assert.Null(error.Details);
        Assert.Null(error.RequestId);
        Assert.Equal(html, error.ResponseBody);
        Assert.StartsWith("Voucherify API error 500: the response was not JSON: <!DOCTYPE html> <html> <head><title>500 Internal Server Error</title>", error.Message);
        Assert.Equal(["text/html; charset=utf-8"], error.Headers["Content-Type"]);
        AssertNoSecret(error);
    }

    [Fact]
    public async Task A_huge_error_page_is_cut_in_the_message_and_the_kept_body()
    {
        using var t = new TestClient();
        var page = "<html>" + new string('x', 200_000) + "</html>";
        t.Expect(HttpMethod.Get, "/v1/customers/cust_1").Respond(HttpStatusCode.BadGateway, "text/html", page);

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => t.Customers.GetCustomerAsync("cust_1"));

        Assert.Equal(64 * 1024, error.ResponseBody!.Length);
        Assert.StartsWith("<html>xxx", error.ResponseBody);
        Assert.True(error.Message.Length < 400, $"message is {error.Message.Length} characters long");
        Assert.EndsWith("…", error.Message);
    }

    [Fact]
    public async Task An_empty_502_says_there_was_no_error_message()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, "/v1/customers/cust_1/segments").Respond(HttpStatusCode.BadGateway);

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => t.Customers.ListCustomerSegmentsAsync("cust_1"));

        Assert.Equal(502, error.StatusCode);
        Assert.Null(error.Code);
        Assert.Null(error.ResponseBody);
        Assert.Equal("Voucherify API error 502: the response had no error message.", error.Message);
    }

    [Theory]
    [MemberData(nameof(ApiOperations.AllNames), MemberType = typeof(ApiOperations))]
    public async Task Every_operation_is_signed_and_reports_an_error_status_as_an_api_exception(string operation)
    {
        using var t = new TestClient();
        t.Handler.Fallback.RespondWithFixture(HttpStatusCode.NotFound, "Errors/not-found.json");

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => ApiOperations.All[operation](t.Client));

        t.SingleSignedRequest();
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("v-0b4c590350857970df", error.RequestId);
        AssertNoSecret(error);
    }

    [Theory]
    [InlineData("""{"id":"cust_1","name":"Al""")]
    [InlineData("""{"id":"cust_1","summary":{"orders":{"total_amount":""")]
    [InlineData("<html><body>Maintenance</body></html>")]
    [InlineData("""["not","an","object"]""")]
    [InlineData("""{"created_at":"yesterday"}""")]
    public async Task A_2xx_body_that_cannot_be_read_is_an_api_exception_not_a_json_error(string body)
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, "/v1/customers/cust_1").RespondWithJson(HttpStatusCode.OK, body);

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => t.Customers.GetCustomerAsync("cust_1"));

        Assert.Equal(200, error.StatusCode);
        Assert.IsAssignableFrom<Newtonsoft.Json.JsonException>(error.InnerException);
        Assert.Equal("Could not deserialize the response body stream as Voucherify.Customer. (HTTP 200)", error.Message);
        AssertNoSecret(error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("   ")]
    public async Task A_2xx_without_a_body_is_an_api_exception_not_a_null_result(string body)
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, "/v1/customers").RespondWithJson(HttpStatusCode.OK, body);

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => t.Customers.ListCustomersAsync());

        Assert.Equal(200, error.StatusCode);
        Assert.Equal("Response was null which was not expected. (HTTP 200)", error.Message);
    }

    [Fact]
    public async Task A_truncated_async_action_is_an_api_exception_while_waiting_too()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, "/v1/async-actions/aa_1").RespondWithJson(HttpStatusCode.OK, """{"id":"aa_1","status":"IN_PRO""");

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(
            () => t.AsyncActions.WaitForCompletionAsync("aa_1", new AsyncActionWaitOptions { InitialDelay = TimeSpan.FromMilliseconds(10) }));

        Assert.Equal(200, error.StatusCode);
        Assert.Contains("Voucherify.AsyncAction", error.Message);
    }

    private static void AssertNoSecret(VoucherifyApiException error)
    {
        Assert.DoesNotContain(TestClient.SecretKey, error.Message);
        Assert.DoesNotContain(TestClient.SecretKey, error.ToString());
        Assert.DoesNotContain(TestClient.SecretKey, error.ResponseBody ?? "");
        Assert.DoesNotContain(error.Headers, header => header.Value.Any(value => value.Contains(TestClient.SecretKey)));
    }
}
