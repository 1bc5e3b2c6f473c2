using System.Net.Sockets;
using System.Text;
using Voucherify.Sandbox;

namespace Voucherify.SandboxTests.Raw;

/// <summary>
/// One TCP connection to a sandbox that writes exactly the bytes a test gives it (no path normalisation, no
/// Content-Length fix-up, no chunk framing of its own), so hostile requests arrive as a careless client sends them.
/// </summary>
internal sealed class RawConnection : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    private RawConnection(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    /// <summary>Connects to the sandbox's loopback port.</summary>
    public static async Task<RawConnection> OpenAsync(VoucherifySandbox sandbox, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(sandbox.BaseUri.Host, sandbox.BaseUri.Port, cancellationToken);
            return new RawConnection(tcp);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    /// <summary>Writes the text (ASCII/UTF-8) as it is.</summary>
    public Task SendAsync(string text, CancellationToken cancellationToken) => SendAsync(Encoding.UTF8.GetBytes(text), cancellationToken);

    /// <summary>Writes the bytes as they are.</summary>
    public async Task SendAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(bytes, cancellationToken);
        await _stream.FlushAsync(cancellationToken);
    }

    /// <summary>Half-closes the connection: the server reads the end of the stream, and can still answer.</summary>
    public void EndSending() => _tcp.Client.Shutdown(SocketShutdown.Send);

    /// <summary>
    /// Reads one response: status line, headers and the body (by <c>Content-Length</c>, chunked, or to the end of the
    /// stream). Null when the server closed the connection without sending a byte.
    /// </summary>
    public Task<RawResponse?> ReadResponseAsync(CancellationToken cancellationToken) => RawResponse.ReadAsync(_stream, cancellationToken);

    public ValueTask DisposeAsync()
    {
        _stream.Dispose();
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }
}
