using System.Net;
using System.Net.Http.Headers;

namespace Voucherify.Benchmarks.Shared;

/// <summary>
/// An in-memory transport: answers every request with the same canned JSON body, after reading any request body
/// to the end (so uploads and serialized bodies are really produced), and counts the request bytes it drained.
/// Both the client and the hand-written baseline run on it, so only their own work differs.
/// The response body can only be read as a stream: buffering it (ReadAsStringAsync, LoadIntoBufferAsync) throws,
/// so every benchmark and budget run also proves that responses are deserialized from the stream.
/// </summary>
internal sealed class CannedResponseHandler : HttpMessageHandler
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
        var content = new StreamOnlyContent(_body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        content.Headers.ContentLength = _body.Length;
        var response = new HttpResponseMessage(_status) { Content = content, RequestMessage = request };
        response.Headers.Date = DateTimeOffset.UtcNow;
        return response;
    }
}

/// <summary>A response body that can be read as a stream and in no other way.</summary>
internal sealed class StreamOnlyContent(byte[] body) : HttpContent
{
    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new MemoryStream(body, writable: false));

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => new MemoryStream(body, writable: false);

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
        throw new InvalidOperationException("The response body was buffered whole instead of being read as a stream.");

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
