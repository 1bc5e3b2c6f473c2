using System.Text;

namespace Voucherify.SandboxTests.Memory;

/// <summary>
/// A CSV file of any length whose first data row opens a quote that is never closed: a header, that row, then plain
/// rows up to the length, produced as read and never held. Also linked into the benchmarks' hostile-load harness.
/// </summary>
internal sealed class UnclosedQuoteCsv(long length) : Stream
{
    private static readonly byte[] Head = Encoding.ASCII.GetBytes("source_id,name\n\"unclosed,Never closed\n");
    private static readonly byte[] Row = Encoding.ASCII.GetBytes("csv-0000000,Some Customer Name Here\n");
    private long _position;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, length - _position);
        for (var i = 0; i < n; i++, _position++)
            buffer[i] = _position < Head.Length ? Head[_position] : Row[(_position - Head.Length) % Row.Length];
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
