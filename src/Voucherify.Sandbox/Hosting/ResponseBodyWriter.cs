using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Voucherify.Sandbox.Hosting;

/// <summary>
/// The text a JSON serializer writes, encoded to UTF-8 for a response body without ever holding the whole body.
/// A small body is collected in a pooled buffer and sent with a <c>Content-Length</c>; once a body outgrows
/// <see cref="SmallBodyBytes"/> it goes to the response's <see cref="PipeWriter"/> instead, and
/// <see cref="YieldAsync"/> (called between the items of a list) waits for the client to take what was written
/// whenever more than <see cref="FlushBytes"/> is waiting. So a client that reads slowly, or never, pins at most
/// about one item plus <see cref="FlushBytes"/> in the sandbox, and Kestrel's minimum response data rate ends it.
/// </summary>
internal sealed class ResponseBodyWriter : TextWriter
{
    /// <summary>Bodies up to this size are sent in one write with a <c>Content-Length</c>.</summary>
    public const int SmallBodyBytes = 16 * 1024;

    /// <summary>How much written body may wait for the client before the writer waits too.</summary>
    public const int FlushBytes = 64 * 1024;

    private const int CharBufferLength = 2048;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly HttpResponse _response;
    private readonly Encoder _encoder = Utf8.GetEncoder();
    private char[] _chars = ArrayPool<char>.Shared.Rent(CharBufferLength);
    private int _charCount;
    // The small body, until it outgrows SmallBodyBytes; null once the body goes to the pipe.
    private byte[]? _small = ArrayPool<byte>.Shared.Rent(SmallBodyBytes);
    private int _smallCount;
    private long _unflushed;

    public ResponseBodyWriter(HttpResponse response) : base(System.Globalization.CultureInfo.InvariantCulture) => _response = response;

    public override Encoding Encoding => Utf8;

    public override void Write(char value)
    {
        if (_charCount == _chars.Length) Encode(final: false);
        _chars[_charCount++] = value;
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(ReadOnlySpan<char> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (_charCount == _chars.Length) Encode(final: false);
            var n = Math.Min(buffer.Length, _chars.Length - _charCount);
            buffer[..n].CopyTo(_chars.AsSpan(_charCount));
            _charCount += n;
            buffer = buffer[n..];
        }
    }

    /// <summary>
    /// Between two items: hands what was written to the client and, when more than <see cref="FlushBytes"/> is waiting
    /// for it, waits until the client has taken it. Throws <see cref="OperationCanceledException"/> when the client left.
    /// </summary>
    public async ValueTask YieldAsync(CancellationToken cancellationToken)
    {
        Encode(final: false);
        if (_small is not null || _unflushed < FlushBytes) return;
        _unflushed = 0;
        var flushed = await _response.BodyWriter.FlushAsync(cancellationToken);
        if (flushed.IsCanceled || flushed.IsCompleted) throw new OperationCanceledException("The client is gone.");
    }

    /// <summary>Sends the rest: a small body whole with its length, a large one's last part.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        Encode(final: true);
        var pipe = _response.BodyWriter;
        if (_small is not null)
        {
            _response.ContentLength = _smallCount;
            pipe.Write(_small.AsSpan(0, _smallCount));
        }
        // Also for a small body: a response whose Body a fault replaced by a buffer gets it only on a flush.
        await pipe.FlushAsync(cancellationToken);
    }

    private void Encode(bool final)
    {
        if (_charCount == 0 && !final) return;
        var chars = _chars.AsSpan(0, _charCount);
        _charCount = 0;
        var bytes = _encoder.GetByteCount(chars, final);
        if (_small is not null && _smallCount + bytes <= _small.Length)
        {
            _smallCount += _encoder.GetBytes(chars, _small.AsSpan(_smallCount), final);
            return;
        }
        var pipe = _response.BodyWriter;
        if (_small is not null)
        {
            // Outgrown: from now on the body streams (chunked), starting with what was collected.
            pipe.Write(_small.AsSpan(0, _smallCount));
            _unflushed = _smallCount;
            ArrayPool<byte>.Shared.Return(_small);
            _small = null;
        }
        var written = _encoder.GetBytes(chars, pipe.GetSpan(bytes), final);
        pipe.Advance(written);
        _unflushed += written;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (_small is not null) ArrayPool<byte>.Shared.Return(_small);
            _small = null;
            ArrayPool<char>.Shared.Return(_chars);
            _chars = [];
        }
        base.Dispose(disposing);
    }
}
