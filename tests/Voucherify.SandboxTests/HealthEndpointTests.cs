using System.Net;
using Voucherify.Sandbox;

namespace Voucherify.SandboxTests;

/// <summary>GET /_sandbox/health: what a script or container polls until the standalone sandbox is ready.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Health_answers_200_json_without_credentials_and_is_not_journaled_limited_or_faulted()
    {
        await using var sandbox = await VoucherifySandbox.StartAsync(new VoucherifySandboxOptions
        {
            RateLimit = new SandboxRateLimitOptions { PermitLimit = 1, Window = TimeSpan.FromHours(1) },
            Faults = { new SandboxFault { Path = "*", StatusCode = 503 } },
        });
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };

        for (var i = 0; i < 3; i++)
        {
            using var response = await http.GetAsync("_sandbox/health");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("""{"status":"ok"}""", await response.Content.ReadAsStringAsync());
        }
        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "_sandbox/health"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(sandbox.Requests);
    }

    [Theory]
    [InlineData("POST", "_sandbox/health")]
    [InlineData("GET", "_sandbox/health/x")]
    [InlineData("GET", "_sandbox/requests")]
    public async Task Only_a_get_or_head_of_the_health_path_skips_the_key_check(string method, string path)
    {
        await using var sandbox = await VoucherifySandbox.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
