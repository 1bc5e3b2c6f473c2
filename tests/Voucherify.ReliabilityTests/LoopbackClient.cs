using System.Net;
using System.Net.Sockets;

namespace Voucherify.ReliabilityTests;

/// <summary>
/// A <see cref="VoucherifyClient"/> talking to the fault server through a real <see cref="SocketsHttpHandler"/>, with a
/// counter of the attempts that reach the transport, and optionally a first connection that is really refused.
/// </summary>
public sealed class LoopbackClient : IDisposable
{
    private readonly AttemptCounter _counter;
    private readonly SocketsHttpHandler _transport;
    private readonly HttpClient? _callerHttpClient;

    /// <param name="baseUri">The scenario's base URI on the fault server.</param>
    /// <param name="refuseFirstConnection">Whether the first connection attempt is refused.</param>
    /// <param name="configure">Changes to the default test options.</param>
    /// <param name="throughCallerHttpClient">
    /// Use the constructor that takes the caller's <see cref="HttpClient"/> instead of a handler; that client disposes
    /// each request's content after sending it, as .NET Framework's does.
    /// </param>
    public LoopbackClient(Uri baseUri, bool refuseFirstConnection = false, Action<VoucherifyClientOptions>? configure = null, bool throughCallerHttpClient = false)
    {
        var refusedPort = refuseFirstConnection ? ClosedPort() : 0;
        var refuse = refuseFirstConnection ? 1 : 0;
        _transport = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            // Redirecting the first connection to a port nobody listens on gives a genuine "connection refused".
            ConnectCallback = async (context, cancellationToken) =>
            {
                var port = Interlocked.Exchange(ref refuse, 0) == 1 ? refusedPort : context.DnsEndPoint.Port;
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _counter = new AttemptCounter { InnerHandler = _transport };
        var options = new VoucherifyClientOptions
        {
            ApplicationId = Samples.ApplicationId,
            SecretKey = Samples.SecretKey,
            BaseUri = baseUri,
            // Half the fault server's 5 s "slow" answer, so slow faults still time out, and far above a normal answer
            // on a loaded machine: at 1 s the no-fault cells timed out in the flake hunt at a load average of 40.
            AttemptTimeout = TimeSpan.FromSeconds(2.5),
            CallTimeout = TimeSpan.FromSeconds(10),
            Retry = new RetryOptions
            {
                MaxAttempts = 3,
                BaseDelay = TimeSpan.FromMilliseconds(10),
                MaxDelay = TimeSpan.FromMilliseconds(50),
                MaxServerDelay = TimeSpan.FromSeconds(5),
            },
        };
        configure?.Invoke(options);
        if (throughCallerHttpClient)
        {
            _callerHttpClient = new HttpClient(new DisposesContentAfterSending { InnerHandler = _counter }, disposeHandler: false);
            Client = new VoucherifyClient(_callerHttpClient, options);
        }
        else
        {
            Client = new VoucherifyClient(options, _counter);
        }
    }

    public VoucherifyClient Client { get; }

    /// <summary>Attempts that reached the transport (refused connections included).</summary>
    public int Attempts => _counter.Count;

    public void Dispose()
    {
        Client.Dispose();
        _callerHttpClient?.Dispose();
        _counter.Dispose();
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>
    /// What .NET Framework's <see cref="HttpClient"/> does after every send (newer runtimes no longer do): dispose the
    /// request's content. A fake, because no .NET Framework runtime is installed here to run the real one.
    /// </summary>
    private sealed class DisposesContentAfterSending : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                request.Content?.Dispose();
            }
        }
    }

    private sealed class AttemptCounter : DelegatingHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
