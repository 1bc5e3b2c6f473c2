using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Voucherify.Http
{
    /// <summary>
    /// A response body read off the network asynchronously into 16 KB chunks rented from <see cref="ArrayPool{T}.Shared"/>,
    /// and served from them until the response is disposed, when the chunks go back to the pool.
    /// </summary>
    /// <remarks>
    /// Why stage the body at all: Newtonsoft.Json deserializes synchronously, so reading it straight off the socket would
    /// block a thread-pool thread per response in flight, and a body cut mid-read would surface only after the attempt's
    /// handlers (retry, attempt timeout) have returned. Staged here, inside the attempt, the read is asynchronous, bounded
    /// by the attempt timeout and by the size limit, and a cut body fails the attempt while
    /// nothing has been handed to the caller, so the retry handler may repeat it if the operation is safe to replay.
    /// Why chunks from a pool: a growing <see cref="MemoryStream"/> (what <c>LoadIntoBufferAsync</c> does) allocates and
    /// copies the body several times and puts a list page on the large object heap; pooled chunks below 85 000 bytes do
    /// neither, and are reused by the next call.
    /// </remarks>
    internal sealed partial class PooledBodyContent : HttpContent
    {
        private const int ChunkSize = 16 * 1024;

        private readonly List<byte[]> _chunks;
        private readonly long _length;
        private int _disposed;

        private PooledBodyContent(List<byte[]> chunks, long length, HttpContent original)
        {
            _chunks = chunks;
            _length = length;
            CopyHeaders(original.Headers, Headers);
        }

        /// <summary>
        /// The original's content headers but <c>Content-Length</c> (the staged content reports its own). On .NET 6+ as the
        /// strings received (<c>NonValidated</c>): enumerating the validated view parses every value and allocates a string
        /// array per header, only for the copy to store strings again; the typed values are parsed when something reads them.
        /// </summary>
        private static void CopyHeaders(HttpContentHeaders from, HttpContentHeaders to)
        {
#if NET6_0_OR_GREATER
            foreach (var header in from.NonValidated)
            {
                if (IsContentLength(header.Key)) continue;
                if (header.Value.Count == 1) to.TryAddWithoutValidation(header.Key, header.Value.ToString());
                else to.TryAddWithoutValidation(header.Key, header.Value);
            }
#else
            foreach (var header in from)
                if (!IsContentLength(header.Key)) to.TryAddWithoutValidation(header.Key, header.Value);
#endif
        }

        private static bool IsContentLength(string name) => string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// Reads <paramref name="response"/>'s body to its end and replaces the content with the staged copy; this is the
        /// one guard on a response's size: the bytes are counted as they arrive, decompressed, and a declared
        /// <c>Content-Length</c> over the limit is refused before a byte is read.
        /// </summary>
        /// <param name="response">A response whose body has not been read.</param>
        /// <param name="request">The request it answers (named in the exception).</param>
        /// <param name="maxBytes">The most bytes the body may have (<see cref="VoucherifyClientOptions.MaxResponseBytes"/>).</param>
        /// <param name="cancellationToken">The attempt's token: its timeout applies to every read.</param>
        /// <exception cref="VoucherifyResponseTooLargeException">The body is longer than <paramref name="maxBytes"/>, or more than this process can hold.</exception>
        public static async Task LoadAsync(HttpResponseMessage response, HttpRequestMessage request, long maxBytes, CancellationToken cancellationToken)
        {
            var original = response.Content;
            // Never null on .NET 5+, but a custom handler on .NET Framework / netstandard2.0 may leave it unset.
            if (original is null) return;
            var declared = original.Headers.ContentLength;
            if (declared > maxBytes) throw new VoucherifyResponseTooLargeException(OperationName.Of(request), maxBytes, declared);
            var chunks = new List<byte[]>();
            long length = 0;
            try
            {
#if NET5_0_OR_GREATER
                using (var body = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
                    length = await ReadAllAsync(body, chunks, maxBytes, cancellationToken).ConfigureAwait(false);
#else
                // Network streams before .NET 5 may ignore the token: disposing the response aborts the read.
                using (cancellationToken.Register(state => ((HttpResponseMessage)state!).Dispose(), response))
                using (var body = await original.ReadAsStreamAsync().ConfigureAwait(false))
                    length = await ReadAllAsync(body, chunks, maxBytes, cancellationToken).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
#endif
            }
            catch (Exception exception) when (exception is OverLimitException || exception is OutOfMemoryException)
            {
                // Over the limit, or the chunks could not grow (a limit raised beyond what this process can hold). Disposing
                // the body above aborted the connection instead of draining it.
                Return(chunks);
                throw new VoucherifyResponseTooLargeException(OperationName.Of(request), maxBytes, declaredBytes: null, exception as OutOfMemoryException);
            }
            catch
            {
                Return(chunks);
                throw;
            }
            response.Content = new PooledBodyContent(chunks, length, original);
            original.Dispose();
        }

        private static async Task<long> ReadAllAsync(Stream body, List<byte[]> chunks, long maxBytes, CancellationToken cancellationToken)
        {
            long length = 0;
            var filled = ChunkSize;
            while (true)
            {
                if (filled == ChunkSize)
                {
                    chunks.Add(ArrayPool<byte>.Shared.Rent(ChunkSize));
                    filled = 0;
                }
                var read = await body.ReadAsync(chunks[chunks.Count - 1], filled, ChunkSize - filled, cancellationToken).ConfigureAwait(false);
                if (read == 0) return length;
                filled += read;
                length += read;
                if (length > maxBytes) throw new OverLimitException();
            }
        }

        /// <summary>The body went past the limit; becomes <see cref="VoucherifyResponseTooLargeException"/> once the chunks are back.</summary>
        private sealed class OverLimitException : Exception
        {
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => WriteChunksAsync(stream, CancellationToken.None);

#if NET5_0_OR_GREATER
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) => WriteChunksAsync(stream, cancellationToken);
#endif

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new ChunkStream(this));

        protected override bool TryComputeLength(out long length)
        {
            length = _length;
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0) Return(_chunks);
            base.Dispose(disposing);
        }

        private async Task WriteChunksAsync(Stream destination, CancellationToken cancellationToken)
        {
            var left = _length;
            foreach (var chunk in _chunks)
            {
                var count = (int)Math.Min(ChunkSize, left);
                await destination.WriteAsync(chunk, 0, count, cancellationToken).ConfigureAwait(false);
                left -= count;
            }
        }

        private static void Return(List<byte[]> chunks)
        {
            foreach (var chunk in chunks) ArrayPool<byte>.Shared.Return(chunk);
            chunks.Clear();
        }

        /// <summary>Reads the staged chunks in order; the content must outlive it (the response owns both).</summary>
        private sealed class ChunkStream : Stream
        {
            private readonly PooledBodyContent _content;
            private long _position;

            public ChunkStream(PooledBodyContent content)
            {
                _content = content;
            }

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => _content._length;

            public override long Position
            {
                get => _position;
                set => throw new NotSupportedException();
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                if (_content._disposed != 0) throw new ObjectDisposedException(nameof(PooledBodyContent));
                var copied = (int)Math.Min(count, _content._length - _position);
                var done = 0;
                while (done < copied)
                {
                    var chunk = _content._chunks[(int)(_position / ChunkSize)];
                    var inChunk = (int)(_position % ChunkSize);
                    var part = Math.Min(copied - done, ChunkSize - inChunk);
                    Buffer.BlockCopy(chunk, inChunk, buffer, offset + done, part);
                    done += part;
                    _position += part;
                }
                return copied;
            }

            // In memory: the synchronous read never blocks, so the asynchronous one just runs it.
            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                Task.FromResult(Read(buffer, offset, count));

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
