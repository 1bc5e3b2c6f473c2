using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Voucherify.Http
{
    /// <summary>
    /// The one guard on the size of a response: wraps a response's content so that every way of reading it (buffering,
    /// a stream read piece by piece, copying) counts the bytes as they arrive, decompressed, and throws
    /// <see cref="VoucherifyResponseTooLargeException"/> as soon as they exceed the limit. A declared
    /// <c>Content-Length</c> over the limit is refused before a byte is read, and running out of memory while holding a
    /// body below the limit (a limit raised beyond what the process can hold) is reported the same way, never as a bare
    /// <see cref="OutOfMemoryException"/>.
    /// </summary>
    internal sealed class BoundedResponseContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly long _limit;
        private readonly HttpRequestMessage _request;

        private BoundedResponseContent(HttpContent inner, long limit, HttpRequestMessage request)
        {
            _inner = inner;
            _limit = limit;
            _request = request;
            foreach (var header in inner.Headers) Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        /// <summary>Puts the guard on <paramref name="response"/>'s content, or throws when its declared length is already over the limit.</summary>
        /// <param name="response">A response whose body has not been read.</param>
        /// <param name="limit">The most bytes the body may have.</param>
        /// <param name="request">The request it answers (named in the exception).</param>
        public static void Install(HttpResponseMessage response, long limit, HttpRequestMessage request)
        {
            var content = response.Content;
            // Never null on .NET 5+, but a custom handler on .NET Framework / netstandard2.0 may leave it unset.
            if (content is null) return;
            var declared = content.Headers.ContentLength;
            if (declared > limit)
                throw new VoucherifyResponseTooLargeException(OperationName.Of(request), limit, declared);
            response.Content = new BoundedResponseContent(content, limit, request);
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            await CopyAsync(await CreateContentReadStreamAsync().ConfigureAwait(false), stream, CancellationToken.None).ConfigureAwait(false);

        protected override async Task<Stream> CreateContentReadStreamAsync() =>
            new CountingStream(await _inner.ReadAsStreamAsync().ConfigureAwait(false), this);

#if NET5_0_OR_GREATER
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
            await CopyAsync(await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false), stream, cancellationToken).ConfigureAwait(false);

        protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
            new CountingStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), this);
#endif

        /// <summary>Copies the counted body into <paramref name="destination"/> (the buffer, when the response is buffered).</summary>
        private async Task CopyAsync(Stream source, Stream destination, CancellationToken cancellationToken)
        {
            using (source)
            {
                try
                {
                    await source.CopyToAsync(destination, 81920, cancellationToken).ConfigureAwait(false);
                }
                catch (OutOfMemoryException exception)
                {
                    // The buffer could not grow: the body is too large for this process, though within the limit.
                    throw TooLarge(exception);
                }
            }
        }

        // The copied headers carry a declared Content-Length; without one the length is unknown until the body is read.
        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }

        /// <summary>The exception for this response: over the limit, or (with <paramref name="outOfMemory"/>) too large to hold.</summary>
        internal VoucherifyResponseTooLargeException TooLarge(OutOfMemoryException? outOfMemory = null) =>
            new VoucherifyResponseTooLargeException(OperationName.Of(_request), _limit, declaredBytes: null, outOfMemory);

        /// <summary>Reads through to the body, counting; the count is the guard, so every read path goes through <see cref="Count"/>.</summary>
        private sealed class CountingStream : Stream
        {
            private readonly Stream _inner;
            private readonly BoundedResponseContent _owner;
            private long _read;

            public CountingStream(Stream inner, BoundedResponseContent owner)
            {
                _inner = inner;
                _owner = owner;
            }

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => _read; set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, count));

            public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                Count(await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));

#if NET5_0_OR_GREATER
            public override int Read(Span<byte> buffer) => Count(_inner.Read(buffer));

            public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
                Count(await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
#endif

            private int Count(int read)
            {
                _read += read;
                if (_read > _owner._limit)
                {
                    // Stop the transfer now: disposing the body aborts the connection instead of draining it.
                    _inner.Dispose();
                    throw _owner.TooLarge();
                }
                return read;
            }

            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                if (disposing) _inner.Dispose();
                base.Dispose(disposing);
            }
        }
    }
}
