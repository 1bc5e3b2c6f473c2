using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Voucherify.ReliabilityTests;

/// <summary>
/// An endpoint that echoes the request headers into its 401 (a debugging gateway, a misconfigured proxy) must not get
/// the secret key into any member of the exception: the library masks it as <c>***</c> wherever it copies server text.
/// </summary>
public class EchoedSecretTests
{
    private static string EchoedHeaders(HttpRequest request) =>
        string.Join("\n", request.Headers.Select(h => $"{h.Key}: {h.Value}"));

    /// <summary>The API's error shape with the secret in every field, the raw headers in details, and in a response header.</summary>
    private static Task EchoAsJsonAsync(HttpContext context)
    {
        var token = context.Request.Headers["X-App-Token"].ToString();
        var body = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["code"] = 401,
            ["key"] = "unauthorized " + token,
            ["message"] = $"Unauthorized: the token {token} is not valid",
            ["details"] = "Request headers:\n" + EchoedHeaders(context.Request),
            ["request_id"] = "v-" + token,
            ["error"] = new Dictionary<string, string> { ["message"] = "token " + token },
        });
        context.Response.StatusCode = 401;
        context.Response.Headers["X-Echo-Token"] = token;
        context.Response.Headers["WWW-Authenticate"] = $"Token realm=\"{Uri.EscapeDataString(token)}\"";
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body);
    }

    /// <summary>A proxy's HTML error page listing the request headers.</summary>
    private static Task EchoAsHtmlAsync(HttpContext context)
    {
        context.Response.StatusCode = 401;
        context.Response.ContentType = "text/html";
        return context.Response.WriteAsync($"<html><body><h1>401 Unauthorized</h1><pre>{WebUtility.HtmlEncode(EchoedHeaders(context.Request))}</pre></body></html>", Encoding.UTF8);
    }

    private static async Task<VoucherifyApiException> CallAgainstAsync(RequestDelegate echo)
    {
        await using var server = await HostileServer.StartAsync(echo);
        // A generous attempt timeout: a slow first answer on a loaded machine is not what is tested here.
        using var loopback = new LoopbackClient(server.BaseUri, configure: o => o.AttemptTimeout = TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => loopback.Client.Customers.GetCustomerAsync("cust_1"));

        // The secret did go out (it is the credential) and came back: what is asserted below is the masking.
        Assert.NotEmpty(server.Requests);
        Assert.All(server.Requests, request => Assert.Equal(Samples.SecretKey, request.Headers["X-App-Token"]));
        Assert.Equal(401, error.StatusCode);
        return error;
    }

    [Fact]
    public async Task A_401_json_body_echoing_the_secret_leaves_it_in_no_exception_member()
    {
        var error = await CallAgainstAsync(EchoAsJsonAsync);

        Samples.AssertNoSecret(error);
        Assert.Equal("Unauthorized: the token *** is not valid", error.ApiMessage);
        Assert.Contains("X-App-Token: ***", error.Details);
        Assert.Equal("v-***", error.RequestId);
        Assert.Equal("token ***", error.ValidationMessage);
        Assert.Equal("***", Assert.Single(error.Headers["X-Echo-Token"]));
        Assert.Contains("***", Assert.Single(error.Headers["WWW-Authenticate"]));
        Assert.Contains("the token *** is not valid", error.Message);
        Assert.Contains(Samples.ApplicationId, error.Details); // only the secret is masked
    }

    [Fact]
    public async Task A_401_html_page_echoing_the_secret_leaves_it_in_no_exception_member()
    {
        var error = await CallAgainstAsync(EchoAsHtmlAsync);

        Samples.AssertNoSecret(error);
        Assert.Contains("X-App-Token: ***", error.ResponseBody);
        Assert.Contains("X-App-Token: ***", error.Message); // the snippet of a non-JSON body
    }

    [Fact]
    public async Task A_200_whose_unreadable_body_and_headers_echo_the_secret_leaves_it_in_no_exception_member()
    {
        // The parser's message quotes the value it could not convert: here the echoed key, in a date field.
        await using var server = await HostileServer.StartAsync(context =>
        {
            var token = context.Request.Headers["X-App-Token"].ToString();
            context.Response.Headers["X-Echo-Token"] = token;
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync($$"""{"id":"cust_1","created_at":"{{token}}"}""");
        });
        using var loopback = new LoopbackClient(server.BaseUri, configure: o => o.AttemptTimeout = TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => loopback.Client.Customers.GetCustomerAsync("cust_1"));

        Assert.Equal(200, error.StatusCode);
        Samples.AssertNoSecret(error);
        Assert.Contains("***", error.InnerException!.Message);
        Assert.Equal("***", Assert.Single(error.Headers["X-Echo-Token"]));
    }
}
