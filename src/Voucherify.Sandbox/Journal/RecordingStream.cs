namespace Voucherify.Sandbox.Journal;

/// <summary>
/// A read-only pass-through over a request body that counts the bytes read and keeps the first
/// <c>keepBytes</c> of them, so the journal sees exactly what the endpoint read without buffering the whole body.
/// </summary>
internal sealed class RecordingStream(Stream inner, int keepBytes) : Stream
{
    private readonly MemoryStream _kept = new();

    public long BytesRead { get; private set; }

    /// <summary>Whether the body was read to its end.</summary>
    public bool Ended { get; private set; }

    /// <summary>Whether more was read than <c>keepBytes</c>, so <see cref="Kept"/> is only the start.</summary>
    public bool Truncated => BytesRead > _kept.Length;

    public ReadOnlySpan<byte> Kept => _kept.GetBuffer().AsSpan(0, (int)_kept.Length);

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Record(buffer.AsSpan(offset, inner.Read(buffer, offset, count)), count);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Record(buffer.Span[..read], buffer.Length);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Reads what the endpoint left unread (a rejected request's body), up to what the journal keeps.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (Ended || BytesRead > keepBytes) return;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            while (BytesRead <= keepBytes && await ReadAsync(buffer, cancellationToken) > 0) { }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private int Record(ReadOnlySpan<byte> read, int asked)
    {
        // Nothing read for a non-empty buffer is the end of the body.
        if (read.IsEmpty && asked > 0) Ended = true;
        var room = keepBytes - (int)_kept.Length;
        if (room > 0) _kept.Write(read[..Math.Min(room, read.Length)]);
        BytesRead += read.Length;
        return read.Length;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
