using System.Net;
using System.Text;

namespace Voucherify.ReliabilityTests;

/// <summary>
/// An in-memory transport that answers each attempt from a script (a response to return or an exception to throw) and
/// records what every attempt carried, body bytes included.
/// </summary>
public sealed class ScriptedTransport : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script = new();

    public List<(HttpMethod Method, Uri Uri, string? Token, byte[] Body)> Attempts { get; } = new();

    /// <summary>Whether someone disposed this transport (the handler constructor must not: the caller owns it).</summary>
    public bool Disposed { get; private set; }

    /// <summary>What to do once the script has run out: answer 200 with this body.</summary>
    public string FallbackBody { get; set; } = Samples.Customer;

    /// <summary>The status of that fallback answer.</summary>
    public HttpStatusCode FallbackStatus { get; set; } = HttpStatusCode.OK;

    public ScriptedTransport Then(HttpStatusCode status, string? body = null, Action<HttpResponseMessage>? headers = null) =>
        Then((_, _) =>
        {
            var response = new HttpResponseMessage(status);
            if (body != null) response.Content = new StringContent(body, Encoding.UTF8, "application/json");
            headers?.Invoke(response);
            return Task.FromResult(response);
        });

    public ScriptedTransport ThenThrow(Exception exception) => Then((_, _) => Task.FromException<HttpResponseMessage>(exception));

    public ScriptedTransport Then(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> step)
    {
        _script.Enqueue(step);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Read the body as the network would, so a stream that cannot be rewound is really consumed.
        var body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Attempts.Add((request.Method, request.RequestUri!, request.Headers.TryGetValues("X-App-Token", out var t) ? t.Single() : null, body));
        if (_script.Count > 0) return await _script.Dequeue()(request, cancellationToken);
        return new HttpResponseMessage(FallbackStatus) { Content = new StringContent(FallbackBody, Encoding.UTF8, "application/json") };
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }

    /// <summary>A client over this transport with fast retries.</summary>
    public VoucherifyClient Client(Action<VoucherifyClientOptions>? configure = null)
    {
        var options = new VoucherifyClientOptions
        {
            ApplicationId = Samples.ApplicationId,
            SecretKey = Samples.SecretKey,
            BaseUri = new Uri("https://api.test.voucherify.io"),
            Retry = new RetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), MaxServerDelay = TimeSpan.FromSeconds(5) },
        };
        configure?.Invoke(options);
        return new VoucherifyClient(options, this);
    }

    public static HttpRequestException Refused() =>
        new("Connection refused (api.test.voucherify.io:443)", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));

    public static HttpRequestException Reset() =>
        new("Error while copying content to a stream.", new IOException("Connection reset by peer", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionReset)));
}
