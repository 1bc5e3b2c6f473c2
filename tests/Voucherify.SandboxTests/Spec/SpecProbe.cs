using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Voucherify.Sandbox;

namespace Voucherify.SandboxTests.Spec;

/// <summary>
/// A sandbox with instant jobs and a raw HTTP client holding its credentials: the spec tests send what the spec allows
/// without the typed client in between, and read the JSON as it arrives.
/// </summary>
internal sealed partial class SpecProbe : IAsyncDisposable
{
    private readonly HttpClient _http;

    private SpecProbe(VoucherifySandbox sandbox)
    {
        Sandbox = sandbox;
        var options = sandbox.CreateClientOptions();
        _http = new HttpClient { BaseAddress = sandbox.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Add("X-App-Id", options.ApplicationId);
        _http.DefaultRequestHeaders.Add("X-App-Token", options.SecretKey);
    }

    public VoucherifySandbox Sandbox { get; }

    public static async Task<SpecProbe> StartAsync() =>
        new(await VoucherifySandbox.StartAsync(new VoucherifySandboxOptions { JobQueueDelay = TimeSpan.Zero, JobDuration = TimeSpan.Zero }));

    /// <summary>A route template with every <c>{parameter}</c> replaced by <paramref name="id"/>, escaped.</summary>
    public static string Fill(string route, string id) => RouteParameter().Replace(route, Uri.EscapeDataString(id));

    /// <summary>Sends a request and returns the status and the body as JSON (null when there is none).</summary>
    public async Task<(HttpStatusCode Status, JToken? Body)> SendAsync(string method, string pathAndQuery, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), pathAndQuery.TrimStart('/')) { Content = content };
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : Parse(text));
    }

    /// <summary>Sends <paramref name="json"/> as the body.</summary>
    public Task<(HttpStatusCode Status, JToken? Body)> SendJsonAsync(string method, string path, JToken json) =>
        SendAsync(method, path, new StringContent(json.ToString(Formatting.None), Encoding.UTF8, "application/json"));

    /// <summary>The customer as <c>GET /v1/customers/{id}</c> returns it; fails the test when it is not found.</summary>
    public async Task<JObject> GetCustomerAsync(string idOrSourceId)
    {
        var (status, body) = await SendAsync("GET", Fill(CustomersClient.Operations.GetCustomer.Route, idOrSourceId));
        Assert.True(status == HttpStatusCode.OK, $"GET customer {idOrSourceId}: {(int)status} {body}");
        return (JObject)body!;
    }

    /// <summary>Polls the async action a 202 named until it is DONE; fails the test on FAILED or after a few seconds.</summary>
    public async Task WaitForJobAsync(JToken? started)
    {
        var id = (string)started!["async_action_id"]!;
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var (_, action) = await SendAsync("GET", Fill(AsyncActionsClient.Operations.GetAsyncAction.Route, id));
            var status = (string?)action!["status"];
            if (status == "DONE") return;
            Assert.NotEqual("FAILED", status);
            await Task.Delay(25);
        }
        Assert.Fail($"The async action {id} did not finish.");
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Sandbox.DisposeAsync();
    }

    private static JToken Parse(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
