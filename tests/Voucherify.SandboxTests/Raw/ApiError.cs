namespace Voucherify.SandboxTests.Raw;

/// <summary>Checks that an answer is the API's error shape: <c>{"code","key","message","details","request_id"}</c>.</summary>
internal static class ApiError
{
    /// <summary>Asserts the status and the shape, and returns the error's <c>key</c>.</summary>
    public static string Assert(RawResponse? response, int statusCode)
    {
        Xunit.Assert.NotNull(response);
        Xunit.Assert.True(response.StatusCode == statusCode, $"Expected {statusCode}, got {response}");
        var json = response.Json;
        Xunit.Assert.True(json is not null, $"Expected the API's error JSON, got {response}");
        Xunit.Assert.Equal(statusCode, (int?)json["code"]);
        Xunit.Assert.False(string.IsNullOrEmpty((string?)json["message"]), response.ToString());
        Xunit.Assert.StartsWith("v-", (string?)json["request_id"]);
        var key = (string?)json["key"];
        Xunit.Assert.False(string.IsNullOrEmpty(key), response.ToString());
        return key!;
    }
}
