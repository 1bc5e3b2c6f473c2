using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Voucherify.Extensions.DependencyInjection
{
    /// <summary>
    /// Reads a small error body, or the start of any body, for logging and leaves the response readable for the client,
    /// whether the body declares its length or arrives chunked (servers often stream JSON without a <c>Content-Length</c>).
    /// </summary>
    internal static class ErrorBodyReader
    {
        /// <summary>The body as text when it is at most <paramref name="maxBytes"/> long; null when it is longer or absent.</summary>
        public static async Task<string?> ReadSmallBodyAsync(HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
        {
            var (text, complete) = await ReadPrefixAsync(response, maxBytes, cancellationToken).ConfigureAwait(false);
            return complete ? text : null;
        }

        /// <summary>
        /// The body's first <paramref name="maxBytes"/> bytes as text, and whether that is the whole body; null text when
        /// there is no content. A body that declares a longer length is not read at all (empty text, not complete).
        /// </summary>
        public static async Task<(string? Text, bool Complete)> ReadPrefixAsync(HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
        {
            var content = response.Content;
            if (content is null) return (null, false);
            if (content.Headers.ContentLength is long length)
            {
                if (length > maxBytes) return (string.Empty, false);
                await content.LoadIntoBufferAsync().ConfigureAwait(false);
                return (await content.ReadAsStringAsync().ConfigureAwait(false), true);
            }

            // Unknown length: read one byte past the limit, never more, so a huge body is not pulled into memory.
            var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
            var prefix = new byte[maxBytes + 1];
            var read = 0;
            int count;
            while (read < prefix.Length && (count = await stream.ReadAsync(prefix, read, prefix.Length - read, cancellationToken).ConfigureAwait(false)) > 0)
                read += count;

            if (read <= maxBytes)
            {
                response.Content = WithHeadersOf(content, new ByteArrayContent(prefix, 0, read));
                content.Dispose();
                return (await response.Content.ReadAsStringAsync().ConfigureAwait(false), true);
            }
            // Longer: hand the client the bytes already read followed by the rest of the stream.
            response.Content = WithHeadersOf(content, new StreamContent(new PrefixedStream(prefix, read, stream)));
            return (Encoding.UTF8.GetString(prefix, 0, maxBytes), false);
        }

        private static HttpContent WithHeadersOf(HttpContent original, HttpContent replacement)
        {
            foreach (var header in original.Headers)
                if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                    replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
            return replacement;
        }

        /// <summary>A read-only stream of some bytes already read, then the rest of the stream they came from.</summary>
        private sealed class PrefixedStream : Stream
        {
            private readonly byte[] _prefix;
            private readonly int _prefixLength;
            private readonly Stream _rest;
            private int _position;

            public PrefixedStream(byte[] prefix, int prefixLength, Stream rest)
            {
                _prefix = prefix;
                _prefixLength = prefixLength;
                _rest = rest;
            }

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count) =>
                _position < _prefixLength ? CopyPrefix(buffer, offset, count) : _rest.Read(buffer, offset, count);

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                _position < _prefixLength ? Task.FromResult(CopyPrefix(buffer, offset, count)) : _rest.ReadAsync(buffer, offset, count, cancellationToken);

            private int CopyPrefix(byte[] buffer, int offset, int count)
            {
                var copied = Math.Min(count, _prefixLength - _position);
                Buffer.BlockCopy(_prefix, _position, buffer, offset, copied);
                _position += copied;
                return copied;
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                if (disposing) _rest.Dispose();
                base.Dispose(disposing);
            }
        }
    }
}
