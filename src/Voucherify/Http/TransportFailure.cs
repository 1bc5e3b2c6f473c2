using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;

namespace Voucherify.Http
{
    /// <summary>Reads what an exception from the transport says about the request it interrupted.</summary>
    internal static class TransportFailure
    {
        /// <summary>A failure of the connection or of the exchange on it (not a cancellation, not a bug).</summary>
        public static bool IsNetworkFailure(Exception exception) =>
            exception is HttpRequestException || exception is IOException || exception is SocketException;

        /// <summary>
        /// True only when the failure happened while opening the connection, so not a byte of the request was sent:
        /// anywhere in the exception chain a <see cref="SocketException"/> whose code can only come from connecting
        /// (refused, host or network unreachable, host not found), or on .NET 8+ an <see cref="HttpRequestException"/>
        /// whose <c>HttpRequestError</c> is <c>NameResolutionError</c>. A reset, a timeout or a cut-short response is
        /// never taken as proof, because the server may already have acted on the request.
        /// </summary>
        public static bool NeverReachedServer(Exception exception)
        {
            for (var current = exception; current != null; current = current.InnerException)
            {
#if NET8_0_OR_GREATER
                if (current is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }) return true;
#endif
                if (current is SocketException socket)
                {
                    switch (socket.SocketErrorCode)
                    {
                        case SocketError.ConnectionRefused:
                        case SocketError.HostNotFound:
                        case SocketError.HostUnreachable:
                        case SocketError.NetworkUnreachable:
                            return true;
                        default:
                            return false;
                    }
                }
            }
            return false;
        }
    }
}
