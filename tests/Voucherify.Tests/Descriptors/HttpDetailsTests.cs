using System.Net.Http.Headers;
using Voucherify.Http;

namespace Voucherify.Tests.Descriptors;

/// <summary>
/// The small rules of the HTTP layer, each at its edges: rate-limit headers, retry settings, argument checks,
/// multipart file names, the staged body's byte-order mark, the call deadline.
/// </summary>
public class HttpDetailsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static HttpResponseHeaders Headers(params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage();
        foreach (var (name, value) in headers) response.Headers.TryAddWithoutValidation(name, value);
        return response.Headers;
    }

    [Theory]
    [InlineData("X-Rate-Limit-Limit")]
    [InlineData("X-Rate-Limit-Remaining")]
    [InlineData("X-Rate-Limit-Retry")]
    [InlineData("X-Rate-Limit-Type")]
    [InlineData("Retry-After")]
    public void Any_one_rate_limit_header_on_its_own_is_read(string name)
    {
        Assert.NotNull(RateLimitInfo.FromResponse(Headers((name, "5")), Now));
        Assert.Null(RateLimitInfo.FromResponse(Headers(("X-Other", "5")), Now));
    }

    [Fact]
    public void Rate_limit_headers_with_empty_values_say_nothing()
    {
        Assert.Null(RateLimitInfo.FromResponse(Headers(("X-Rate-Limit-Type", ""), ("X-Rate-Limit-Limit", " "), ("Retry-After", "")), Now));
    }

    [Fact]
    public void A_retry_after_following_other_rate_limit_headers_keeps_them()
    {
        var info = RateLimitInfo.FromResponse(Headers(("X-Rate-Limit-Limit", "100"), ("X-Rate-Limit-Remaining", "0"), ("Retry-After", "7")), Now)!;

        Assert.Equal((100L, 0L, TimeSpan.FromSeconds(7)), (info.Limit, info.Remaining, info.RetryAfter));
        Assert.Equal(
            "RateLimitInfo { Limit = 100, Remaining = 0, RetryAt = , RetryAfter = 00:00:07, LimitType = , ObservedAt = 2026-11-30T12:00:00.0000000+00:00 }",
            info.ToString());
    }

    [Fact]
    public void Retry_after_wins_over_the_rate_limit_retry_instant_when_both_are_sent()
    {
        var info = RateLimitInfo.FromResponse(Headers(("Retry-After", "5"), ("X-Rate-Limit-Retry", Now.AddSeconds(60).ToUnixTimeSeconds().ToString())), Now)!;

        Assert.Equal(TimeSpan.FromSeconds(5), info.RequestedWait());
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("253402300799", 253402300799L)]
    [InlineData("253402300800", null)]
    [InlineData("-1", null)]
    public void The_retry_instant_is_read_from_epoch_zero_to_the_end_of_year_9999(string value, long? seconds)
    {
        var info = RateLimitInfo.FromResponse(Headers(("X-Rate-Limit-Retry", value)), Now)!;

        Assert.Equal(seconds is long s ? DateTimeOffset.FromUnixTimeSeconds(s) : null, info.RetryAt);
    }

    [Theory]
    [InlineData("922337203686")]
    [InlineData("9223372036854775807")]
    public void A_retry_after_beyond_what_a_timespan_holds_is_read_as_the_longest_wait_it_holds(string seconds)
    {
        var info = RateLimitInfo.FromResponse(Headers(("Retry-After", seconds)), Now)!;

        Assert.Equal(TimeSpan.FromSeconds((long)TimeSpan.MaxValue.TotalSeconds - 1), info.RetryAfter);
    }

    [Fact]
    public void A_retry_after_in_the_past_or_negative_is_no_wait()
    {
        Assert.Equal(TimeSpan.Zero, RateLimitInfo.FromResponse(Headers(("Retry-After", "-5")), Now)!.RetryAfter);
        Assert.Equal(TimeSpan.Zero, RateLimitInfo.FromResponse(Headers(("Retry-After", Now.AddSeconds(-60).ToString("r"))), Now)!.RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(60), RateLimitInfo.FromResponse(Headers(("Retry-After", Now.AddSeconds(60).ToString("r"))), Now)!.RetryAfter);
    }

    [Theory]
    [InlineData("MaxAttempts", "RetryOptions.MaxAttempts must be at least 1 (1 turns retries off).")]
    [InlineData("BaseDelay", "RetryOptions.BaseDelay must not be negative.")]
    [InlineData("MaxDelay", "RetryOptions.MaxDelay must be at least BaseDelay.")]
    [InlineData("MaxServerDelay", "RetryOptions.MaxServerDelay must not be negative.")]
    public void Retry_settings_out_of_range_are_rejected_naming_the_setting(string setting, string message)
    {
        var options = TestClient.Options();
        switch (setting)
        {
            case "MaxAttempts": options.Retry.MaxAttempts = 0; break;
            case "BaseDelay": options.Retry.BaseDelay = TimeSpan.FromTicks(-1); break;
            case "MaxDelay": options.Retry.MaxDelay = options.Retry.BaseDelay - TimeSpan.FromTicks(1); break;
            case "MaxServerDelay": options.Retry.MaxServerDelay = TimeSpan.FromTicks(-1); break;
        }

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new VoucherifyClient(options, new MockHttpMessageHandler()));

        Assert.Equal(setting, error.ParamName);
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void Zero_delays_and_one_attempt_are_valid_retry_settings()
    {
        var options = TestClient.Options();
        options.Retry = new RetryOptions { MaxAttempts = 1, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero, MaxServerDelay = TimeSpan.Zero };

        using var client = new VoucherifyClient(options, new MockHttpMessageHandler());

        Assert.Equal("RetryOptions { MaxAttempts = 1, ClientRetries = True, BaseDelay = 00:00:00, MaxDelay = 00:00:00, MaxServerDelay = 00:00:00 }", options.Retry.ToString());
    }

    [Fact]
    public void Argument_checks_say_what_is_wrong()
    {
        Assert.StartsWith("The customerId must not be empty or whitespace.", Assert.Throws<ArgumentException>(() => RequestValidator.ValidateId(" ", "customerId")).Message);
        Assert.StartsWith("The customerId '..' cannot be addressed in a URL path.", Assert.Throws<ArgumentException>(() => RequestValidator.ValidateId("..", "customerId")).Message);
        Assert.StartsWith("The API accepts limit from 1 to 100.", Assert.Throws<ArgumentOutOfRangeException>(() => RequestValidator.ValidateRange(101, "limit", 1, 100)).Message);
    }

    [Fact]
    public void A_transport_that_follows_redirects_is_refused_with_the_reason()
    {
        var error = Assert.Throws<ArgumentException>(() => AutoRedirectCheck.Ensure(new HttpClientHandler(), "transport"));

        Assert.Contains("a redirect would carry X-App-Id and X-App-Token to the address it points to", error.Message);
        Assert.Contains("The client reports a 3xx answer as a VoucherifyApiException instead.", error.Message);
    }

    [Theory]
    [InlineData(null, "fallback.csv")]
    [InlineData(" \t", "fallback.csv")]
    [InlineData("a.csv", "a.csv")]
    [InlineData("x\u007f\u001fy\"z\\.csv", "x__y_z_.csv")]
    [InlineData(" ~ok~ ", " ~ok~ ")]
    public void File_names_keep_printable_ascii_only_and_fall_back_when_blank(string? fileName, string expected)
    {
        Assert.Equal(expected, MultipartHeaders.FileName(fileName, "fallback.csv"));
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF }, "")]
    [InlineData(new byte[] { 0xEF, 0xBF, 0xBD, 0x78 }, "\uFFFDx")]
    [InlineData(new byte[] { 0xEF, 0xBB, 0x78 }, "\uFFFDx")]
    [InlineData(new byte[] { 0x41, 0xBB, 0xBF, 0x42 }, "A\uFFFD\uFFFDB")]
    public async Task Only_a_complete_leading_utf8_bom_is_dropped(byte[] body, string text)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) };
        await PooledBodyContent.LoadAsync(response, new HttpRequestMessage(), long.MaxValue, CancellationToken.None);

        using var reader = ((PooledBodyContent)response.Content).OpenText();

        Assert.Equal(text, reader.ReadToEnd());
    }

    [Fact]
    public async Task A_call_past_its_deadline_has_no_time_left_not_negative_time()
    {
        using var request = new HttpRequestMessage();
        RequestState.SetDeadline(request, TimeSpan.FromTicks(1), TimeProvider.System);
        await Task.Delay(5);

        Assert.Equal(TimeSpan.Zero, RequestState.Remaining(request));
        Assert.Null(RequestState.Remaining(new HttpRequestMessage()));
    }
}
