using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Voucherify
{
    /// <summary>
    /// Lends a caller's stream to an <see cref="System.Net.Http.StreamContent"/>, which would otherwise dispose it
    /// together with the request; the caller owns the stream and may still need it (to retry, or to read it again).
    /// </summary>
    internal sealed class NonDisposingStream : Stream
    {
        private readonly Stream _inner;

        public NonDisposingStream(Stream inner)
        {
            _inner = inner;
        }

        public override bool CanRead => _inner.CanRead;

        public override bool CanSeek => _inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => _inner.Length;

        public override long Position
        {
            get => _inner.Position;
            set => _inner.Position = value;
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            _inner.ReadAsync(buffer, offset, count, cancellationToken);

        // StreamContent sends the body with CopyToAsync; without this override the base Stream loop would call the
        // Task-returning ReadAsync above once per buffer (a Task each, about 10 KB per 10 MB) instead of the inner
        // stream's own copy loop.
        public override Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken) =>
            _inner.CopyToAsync(destination, bufferSize, cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
