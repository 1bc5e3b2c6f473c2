using System.Net.Http.Headers;

namespace Voucherify.Tests;

/// <summary>
/// Every exception reads as a whole sentence that says what happened and what to check, and the error-body parser takes
/// each member from where the API puts it, whatever shape the body has.
/// </summary>
public class ExceptionMessagesTests
{
    private static readonly SecretRedactor Redactor = new(TestClient.SecretKey);

    [Fact]
    public void A_response_over_the_limit_says_how_it_went_over()
    {
        const string tail = " the limit of 100 bytes (VoucherifyClientOptions.MaxResponseBytes). Reading stopped there and the call was not retried.";

        Assert.Equal("The response to GET /v1/customers was refused: it declared a body of 200 bytes (Content-Length), over" + tail,
            VoucherifyModelFactory.VoucherifyResponseTooLargeException("GET /v1/customers", 100, declaredBytes: 200).Message);
        Assert.Equal("The response to GET /v1/customers was refused: its body grew larger than" + tail,
            VoucherifyModelFactory.VoucherifyResponseTooLargeException("GET /v1/customers", 100).Message);
        Assert.Equal("The response to GET /v1/customers was refused: the process ran out of memory holding its body, within" + tail,
            new VoucherifyResponseTooLargeException("GET /v1/customers", 100, declaredBytes: null, new OutOfMemoryException()).Message);
    }

    [Fact]
    public void Timeouts_name_the_option_that_ran_out()
    {
        Assert.Equal("GET /v1/customers timed out: no complete response within the attempt timeout of 2.5 s (VoucherifyClientOptions.AttemptTimeout) after 1 attempt.",
            VoucherifyModelFactory.VoucherifyTimeoutException("GET /v1/customers", VoucherifyTimeoutScope.Attempt, TimeSpan.FromSeconds(2.5), 1).Message);
    }

    [Fact]
    public void A_wait_that_gave_up_says_what_it_saw_last_or_that_it_saw_nothing()
    {
        var timeout = TimeSpan.FromSeconds(3);

        Assert.Equal("Async action aa_1 did not finish within 00:00:03; no poll was answered in that time. The job continues on the server.",
            VoucherifyModelFactory.AsyncActionTimeoutException("aa_1", lastSeen: null, timeout).Message);
        Assert.Equal("Async action aa_1 did not finish within 00:00:03; last seen IN_PROGRESS at 40%. The job continues on the server.",
            VoucherifyModelFactory.AsyncActionTimeoutException("aa_1", new AsyncAction { Status = "IN_PROGRESS", Progress = 40 }, timeout).Message);
        Assert.Equal("Async action aa_1 did not finish within 00:00:03; last seen without a status at 0%. The job continues on the server.",
            VoucherifyModelFactory.AsyncActionTimeoutException("aa_1", new AsyncAction(), timeout).Message);
    }

    [Fact]
    public void A_failed_job_of_no_stated_type_and_no_reason_still_reads_as_a_sentence()
    {
        Assert.Equal("Async action aa_1 (unknown type) failed: the API gave no reason.",
            VoucherifyModelFactory.AsyncActionFailedException(new AsyncAction { Id = "aa_1", Status = "FAILED" }).Message);
    }

    [Fact]
    public void A_network_failure_that_cannot_have_reached_the_server_says_nothing_about_replaying()
    {
        Assert.Equal("GET /v1/customers failed after 3 attempts: refused",
            VoucherifyModelFactory.VoucherifyNetworkException("GET /v1/customers", 3, requestMayHaveReachedServer: false, new HttpRequestException("refused")).Message);
    }

    [Fact]
    public void A_followed_redirect_says_how_to_stop_it()
    {
        var error = VoucherifyModelFactory.VoucherifyRedirectException("GET /v1/customers", new Uri("https://api.voucherify.io"), new Uri("https://elsewhere.example"));

        Assert.EndsWith("Set AllowAutoRedirect = false on the HttpClient's handler: a redirect carries X-App-Id and X-App-Token to the other host.", error.Message);
    }

    [Theory]
    [InlineData(300, "https://elsewhere.example/x", true)]
    [InlineData(399, null, true)]
    [InlineData(299, "https://elsewhere.example/x", false)]
    [InlineData(400, "https://elsewhere.example/x", false)]
    public async Task Only_a_3xx_answer_explains_the_redirect_it_asked_for(int status, string? location, bool explained)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent("") };
        if (location != null) response.Headers.Location = new Uri(location);

        var error = await VoucherifyApiException.FromResponseAsync(response, Redactor, CancellationToken.None);

        var note = $" The server redirected to {location ?? "(no Location header)"}; the client never follows a redirect, since the API key would travel with it. Check VoucherifyClientOptions.BaseUri.";
        if (explained) Assert.Contains(note, error.Message);
        else Assert.DoesNotContain("redirected", error.Message);
    }

    [Fact]
    public void An_unreadable_success_keeps_no_body_of_its_own()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);

        var error = VoucherifyApiException.UnreadableSuccess(response, Redactor, "Could not read it.", null);

        Assert.Equal("", error.ResponseBody);
        Assert.Equal("Could not read it. (HTTP 200)", error.Message);
    }

    [Theory]
    [InlineData("""{"code":400,"statusCode":404}""", 400)]
    [InlineData("""{"statusCode":404}""", 404)]
    [InlineData("""{"code":-2147483648}""", int.MinValue)]
    [InlineData("""{"code":2147483647}""", int.MaxValue)]
    [InlineData("""{"code":2147483648}""", null)]
    public void The_code_comes_from_code_before_statusCode_and_only_when_it_fits_an_int(string body, int? code)
    {
        Assert.Equal(code, ApiErrorBody.Parse(body).Code);
    }

    [Fact]
    public void Details_come_from_details_before_a_string_error_and_never_from_an_error_object()
    {
        Assert.Equal("from details", ApiErrorBody.Parse("""{"details":"from details","error":"Request Entity Too Large"}""").Details);
        Assert.Equal("Request Entity Too Large", ApiErrorBody.Parse("""{"error":"Request Entity Too Large"}""").Details);
        var nested = ApiErrorBody.Parse("""{"error":{"message":"Email is invalid"}}""");
        Assert.Null(nested.Details);
        Assert.Equal("Email is invalid", nested.ValidationMessage);
    }

    [Fact]
    public void Date_like_values_in_an_error_body_are_kept_as_sent()
    {
        var error = ApiErrorBody.Parse("""{"message":"2024-01-01T00:00:00Z","request_id":"2024-01-02T03:04:05.123+02:00"}""");

        Assert.Equal(("2024-01-01T00:00:00Z", "2024-01-02T03:04:05.123+02:00"), (error.Message, error.RequestId));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("  [1,2]")]
    [InlineData("<html>oops</html>")]
    public void A_body_that_is_not_a_json_object_is_quoted_as_text(string body)
    {
        var parsed = ApiErrorBody.Parse(body);

        Assert.False(parsed.IsJson);
        Assert.Equal("Voucherify API error 502: the response was not JSON: " + body.Trim(), ApiErrorBody.Describe(502, parsed, body, context: null));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(250)]
    public void A_long_text_body_is_cut_to_200_characters_and_a_body_of_exactly_200_is_not(int length)
    {
        var body = new string('x', length);

        var text = ApiErrorBody.Describe(500, ApiErrorBody.Parse(body), body, context: null);

        Assert.EndsWith(length > 200 ? new string('x', 200) + "…" : new string('x', 200), text);
    }

    [Theory]
    [InlineData(200, "context", "The client's context. (HTTP 200)")]
    [InlineData(299, "context", "The client's context. (HTTP 299)")]
    [InlineData(300, "context", "Voucherify API error 300: the response had no error message.")]
    [InlineData(199, "context", "Voucherify API error 199: the response had no error message.")]
    [InlineData(200, null, "Voucherify API error 200: the response had no error message.")]
    [InlineData(404, "context", "Voucherify API error 404: the response had no error message.")]
    public void Only_a_2xx_with_a_context_is_described_by_that_context(int status, string? context, string expected)
    {
        Assert.Equal(expected, ApiErrorBody.Describe(status, ApiErrorBody.Parse("{}"), "{}", context is null ? null : "The client's context."));
    }

    [Fact]
    public void The_secret_is_masked_raw_percent_encoded_and_json_escaped()
    {
        const string secret = "a\"b\\c/d e";
        var redactor = new SecretRedactor(secret);

        Assert.Equal("*** | *** | *** | ***", redactor.Redact("a\"b\\c/d e | a%22b%5Cc%2Fd%20e | a\\\"b\\\\c/d e | a\\\"b\\\\c\\/d e"));
    }
}
