using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Voucherify.Sandbox.Hosting;

/// <summary>
/// The text a JSON serializer writes, encoded to UTF-8 for a response body without ever holding a large body whole.
/// A body up to <see cref="BufferedBodyBytes"/> (a page of 100 ordinary customers) is collected in one pooled buffer
/// and sent in one write with a <c>Content-Length</c>. A larger one streams (chunked): the buffer goes to the
/// response's <see cref="PipeWriter"/> each time it fills, always in large writes (Kestrel's writer does work per
/// call), and <see cref="YieldAsync"/> (called between the items of a list) waits for the client to take what was
/// written whenever more than <see cref="FlushBytes"/> is waiting. So a client that reads slowly, or never, pins at
/// most about one item plus the buffer in the sandbox, and Kestrel's minimum response data rate ends it.
/// </summary>
internal sealed class ResponseBodyWriter : TextWriter
{
    /// <summary>Bodies up to this size are sent in one write with a <c>Content-Length</c>; it is also the buffer's size.</summary>
    public const int BufferedBodyBytes = 256 * 1024;

    /// <summary>How much of a streamed body may wait for the client before the writer waits too.</summary>
    public const int FlushBytes = 64 * 1024;

    private const int CharBufferLength = 2048;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly HttpResponse _response;
    private readonly Encoder _encoder = Utf8.GetEncoder();
    private char[] _chars = ArrayPool<char>.Shared.Rent(CharBufferLength);
    private int _charCount;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferedBodyBytes);
    private int _length;
    private bool _streaming;
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

    /// <summary>Writes text already encoded as UTF-8 (a stored customer's JSON) after what was written so far.</summary>
    public void WriteUtf8(ReadOnlySpan<byte> utf8)
    {
        Encode(final: false);
        while (!utf8.IsEmpty)
        {
            if (_length == _buffer.Length) Drain();
            var n = Math.Min(utf8.Length, _buffer.Length - _length);
            utf8[..n].CopyTo(_buffer.AsSpan(_length));
            _length += n;
            utf8 = utf8[n..];
        }
    }

    /// <summary>Whether <see cref="YieldAsync"/> has anything to do: the body streams and enough may wait for the client.</summary>
    public bool ShouldYield => _streaming && _unflushed + _length + _charCount * 3L >= FlushBytes;

    /// <summary>
    /// Between two items: once the body streams and more than <see cref="FlushBytes"/> waits for the client, hands it
    /// over and waits until the client has taken it. Throws <see cref="OperationCanceledException"/> when the client left.
    /// </summary>
    public async ValueTask YieldAsync(CancellationToken cancellationToken)
    {
        Encode(final: false);
        if (!_streaming || _unflushed + _length < FlushBytes) return;
        Drain();
        _unflushed = 0;
        var flushed = await _response.BodyWriter.FlushAsync(cancellationToken);
        if (flushed.IsCanceled || flushed.IsCompleted) throw new OperationCanceledException("The client is gone.");
    }

    /// <summary>Sends the rest: a collected body whole with its length, a streamed one's last part.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        Encode(final: true);
        if (!_streaming) _response.ContentLength = _length;
        Drain();
        // Also for a collected body: a response whose Body a fault replaced by a buffer gets it only on a flush.
        await _response.BodyWriter.FlushAsync(cancellationToken);
    }

    private void Encode(bool final)
    {
        if (_charCount == 0 && !final) return;
        var chars = _chars.AsSpan(0, _charCount);
        _charCount = 0;
        while (true)
        {
            // Room for at least one character's bytes, which the encoder needs to make progress.
            if (_buffer.Length - _length < 4) Drain();
            _encoder.Convert(chars, _buffer.AsSpan(_length), final, out var used, out var written, out _);
            _length += written;
            chars = chars[used..];
            if (chars.IsEmpty) return;
        }
    }

    /// <summary>Hands the buffer to the pipe (without waiting); the first time, the body becomes a streamed one.</summary>
    private void Drain()
    {
        _streaming = true;
        if (_length == 0) return;
        _response.BodyWriter.Write(_buffer.AsSpan(0, _length));
        _unflushed += _length;
        _length = 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            ArrayPool<char>.Shared.Return(_chars);
            _buffer = [];
            _chars = [];
        }
        base.Dispose(disposing);
    }
}
