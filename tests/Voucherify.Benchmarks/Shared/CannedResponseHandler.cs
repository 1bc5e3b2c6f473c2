using System.Net;
using System.Net.Http.Headers;

namespace Voucherify.Benchmarks.Shared;

/// <summary>
/// An in-memory transport: answers every request with the same canned JSON body, after reading any request body
/// to the end (so uploads and serialized bodies are really produced), and counts the request bytes it drained.
/// Both the client and the hand-written baseline run on it, so only their own work differs.
/// It counts the response bodies that were buffered whole (ReadAsStringAsync, LoadIntoBufferAsync) rather than read
/// as a stream: see <see cref="BufferedBodies"/>.
/// </summary>
public sealed class CannedResponseHandler : HttpMessageHandler
{
    private readonly byte[] _body;
    private readonly HttpStatusCode _status;
    private long _requestBytes;

    public CannedResponseHandler(byte[] body, HttpStatusCode status = HttpStatusCode.OK)
    {
        _body = body;
        _status = status;
    }

    /// <summary>The request-body bytes read so far, over all requests.</summary>
    public long RequestBytes => Interlocked.Read(ref _requestBytes);

    /// <summary>How many response bodies were buffered whole instead of being read as a stream.</summary>
    public int BufferedBodies => Volatile.Read(ref _bufferedBodies);

    private int _bufferedBodies;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.Content is null ? Task.FromResult(Respond(request)) : DrainThenRespondAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> DrainThenRespondAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sink = new CountingNullStream();
        await request.Content!.CopyToAsync(sink, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _requestBytes, sink.Length);
        return Respond(request);
    }

    private HttpResponseMessage Respond(HttpRequestMessage request)
    {
        var content = new CountingContent(_body, () => Interlocked.Increment(ref _bufferedBodies));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        content.Headers.ContentLength = _body.Length;
        var response = new HttpResponseMessage(_status) { Content = content, RequestMessage = request };
        response.Headers.Date = DateTimeOffset.UtcNow;
        return response;
    }
}

/// <summary>A response body that tells when it is buffered whole rather than opened as a stream.</summary>
internal sealed class CountingContent(byte[] body, Action onBuffered) : HttpContent
{
    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new MemoryStream(body, writable: false));

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => new MemoryStream(body, writable: false);

    // HttpContent calls this only to buffer the body (or to copy it somewhere); a stream read never gets here.
    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
    {
        onBuffered();
        return stream.WriteAsync(body, 0, body.Length);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = body.Length;
        return true;
    }
}

/// <summary>A write-only stream that discards what it is given and counts it.</summary>
internal sealed class CountingNullStream : Stream
{
    private long _length;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _length;
    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => _length += count;
    public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        _length += count;
        return Task.CompletedTask;
    }
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _length += buffer.Length;
        return ValueTask.CompletedTask;
    }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
