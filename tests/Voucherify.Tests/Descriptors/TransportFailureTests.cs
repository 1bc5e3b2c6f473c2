using System.Net.Sockets;
using Voucherify.Http;

namespace Voucherify.Tests.Descriptors;

/// <summary>
/// Which transport failures prove that not a byte reached the server (so even a job POST may be sent again): only the
/// ones that can come from opening the connection, wherever they sit in the exception chain.
/// </summary>
public class TransportFailureTests
{
    public static TheoryData<string, Exception, bool> Failures => new()
    {
        { "connection refused", new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)), true },
        { "host not found", new HttpRequestException("dns", new SocketException((int)SocketError.HostNotFound)), true },
        { "host unreachable", new HttpRequestException("route", new SocketException((int)SocketError.HostUnreachable)), true },
        { "network unreachable", new HttpRequestException("route", new SocketException((int)SocketError.NetworkUnreachable)), true },
        { "name resolution, no socket error", new HttpRequestException(HttpRequestError.NameResolutionError, "dns"), true },
        { "refused, deeper in the chain", new HttpRequestException("outer", new IOException("io", new SocketException((int)SocketError.ConnectionRefused))), true },
        { "connection reset", new HttpRequestException("copy", new IOException("reset", new SocketException((int)SocketError.ConnectionReset))), false },
        { "socket timed out", new HttpRequestException("slow", new SocketException((int)SocketError.TimedOut)), false },
        { "connection error without a socket", new HttpRequestException(HttpRequestError.ConnectionError, "lost"), false },
        { "response ended early", new HttpRequestException("ended", new IOException("The response ended prematurely.")), false },
        { "no inner exception", new IOException("broken pipe"), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Only_a_failure_to_connect_proves_the_request_never_reached_the_server(string failure, Exception exception, bool neverReached)
    {
        Assert.True(TransportFailure.NeverReachedServer(exception) == neverReached, failure);
    }
}
