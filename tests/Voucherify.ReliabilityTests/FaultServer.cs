using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Voucherify.ReliabilityTests;

/// <summary>The faults the loopback server can inject. "Once" faults hit the first request of a scenario only.</summary>
public enum Fault
{
    None,
    RefusedOnce,
    ResetBeforeResponseOnce,
    ResetMidResponseOnce,
    TruncatedBodyOnce,
    TruncatedJson,
    Status500Once,
    Status502Once,
    Status503Once,
    Status503Always,
    RateLimitedRetryAfterOnce,
    RateLimitedLongWait,
    RateLimitedBillingCycle,
    SlowOnce,
    SlowAlways,
    StaysInProgress,
}

/// <summary>A request as the server received it.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>
/// A real Kestrel server on 127.0.0.1 (free port) that answers like the Customers API, except for the fault of the
/// scenario a request belongs to. Scenarios are told apart by a path prefix (<c>/s/{id}/</c>) that each test client
/// uses as its base URI, so many scenarios run at once.
/// </summary>
public sealed class FaultServer : IAsyncDisposable
{
    /// <summary>How long a slow response takes: far beyond the attempt timeouts the tests configure.</summary>
    public static readonly TimeSpan SlowDelay = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Scenario> _scenarios = new();

    private FaultServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<FaultServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FaultServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new FaultServer(app, new Uri(address.Replace("[::]", "127.0.0.1")));
        return server;
    }

    /// <summary>Registers a scenario and returns the base URI its client must use.</summary>
    public Scenario AddScenario(Fault fault)
    {
        var scenario = new Scenario(Guid.NewGuid().ToString("N"), fault);
        _scenarios[scenario.Id] = scenario;
        return scenario;
    }

    /// <summary>
    /// Registers a scenario answered by <paramref name="respond"/> (given the path below the base URI, query included)
    /// instead of the API's answers: redirects, hostile bodies. Its requests are recorded like any other.
    /// </summary>
    public Scenario AddScenario(Func<HttpContext, string, Task> respond)
    {
        var scenario = new Scenario(Guid.NewGuid().ToString("N"), Fault.None) { Respond = respond };
        _scenarios[scenario.Id] = scenario;
        return scenario;
    }

    public Uri BaseUriOf(Scenario scenario) => new(Address, $"/s/{scenario.Id}/");

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var parts = path.Split('/', 4, StringSplitOptions.None); // "", "s", id, rest
        if (parts.Length < 4 || !_scenarios.TryGetValue(parts[2], out var scenario))
        {
            context.Response.StatusCode = 404;
            return;
        }
        var relative = parts[3].TrimEnd('/');
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var method = context.Request.Method;
        scenario.Record(new RecordedRequest(method, context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body.ToArray()));
        // Counted once the whole request arrived: from here on the real API would have started the job.
        if (Samples.StartsJob(method, relative)) Interlocked.Increment(ref scenario.JobsStarted);
        var n = Interlocked.Increment(ref scenario.RequestsReceived);
        var first = n == 1;
        if (scenario.Respond != null)
        {
            await scenario.Respond(context, parts[3] + context.Request.QueryString);
            return;
        }

        var (status, json) = Samples.SuccessFor(method, relative, inProgress: scenario.Fault == Fault.StaysInProgress);
        var response = context.Response;
        response.Headers["X-Rate-Limit-Limit"] = "100";
        response.Headers["X-Rate-Limit-Remaining"] = "42";
        switch (scenario.Fault)
        {
            case Fault.ResetBeforeResponseOnce when first:
                context.Abort();
                return;
            case Fault.ResetMidResponseOnce when first:
                await WriteCutShortAsync(context, status, json ?? "{}", declareLength: false);
                return;
            case Fault.TruncatedBodyOnce when first:
                await WriteCutShortAsync(context, status, json ?? "{}", declareLength: true);
                return;
            case Fault.TruncatedJson when json != null:
                await WriteAsync(response, status, json.Substring(0, json.Length / 2));
                return;
            case Fault.Status500Once when first:
                await WriteAsync(response, 500, Samples.ServerError);
                return;
            case Fault.Status502Once when first:
                await WriteAsync(response, 502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html");
                return;
            case Fault.Status503Once when first:
            case Fault.Status503Always:
                await WriteAsync(response, 503, "Service Unavailable", "text/plain");
                return;
            case Fault.RateLimitedRetryAfterOnce when first:
                await WriteRateLimitedAsync(response, retryAfterSeconds: 1, "api_calls");
                return;
            case Fault.RateLimitedLongWait:
                response.Headers["X-Rate-Limit-Retry"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString();
                await WriteRateLimitedAsync(response, retryAfterSeconds: 3600, "api_calls");
                return;
            case Fault.RateLimitedBillingCycle:
                await WriteRateLimitedAsync(response, retryAfterSeconds: 1, "api_calls_cycle");
                return;
            case Fault.SlowOnce when first:
            case Fault.SlowAlways:
                try
                {
                    await Task.Delay(SlowDelay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                break;
        }
        if (json is null) response.StatusCode = status;
        else await WriteAsync(response, status, json);
    }

    private static async Task WriteAsync(HttpResponse response, int status, string body, string contentType = "application/json")
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes);
    }

    private static Task WriteRateLimitedAsync(HttpResponse response, int retryAfterSeconds, string limitType)
    {
        response.Headers["Retry-After"] = retryAfterSeconds.ToString();
        response.Headers["X-Rate-Limit-Remaining"] = "0";
        response.Headers["X-Rate-Limit-Type"] = limitType;
        return WriteAsync(response, 429, Samples.RateLimited);
    }

    /// <summary>Sends the headers and half the body, then drops the connection.</summary>
    private static async Task WriteCutShortAsync(HttpContext context, int status, string body, bool declareLength)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (declareLength) context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
        await context.Response.Body.FlushAsync();
        context.Abort();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>One fault applied to one client's requests, with what the server saw.</summary>
    public sealed class Scenario(string id, Fault fault)
    {
        public int RequestsReceived;
        public int JobsStarted;
        private readonly ConcurrentQueue<RecordedRequest> _requests = new();

        public string Id { get; } = id;
        public Fault Fault { get; } = fault;
        public Func<HttpContext, string, Task>? Respond { get; init; }
        public IReadOnlyCollection<RecordedRequest> Requests => _requests;

        public void Record(RecordedRequest request) => _requests.Enqueue(request);
    }
}
