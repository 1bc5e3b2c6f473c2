using System;
using System.IO;
using System.Text;

namespace Voucherify.Http
{
    internal sealed partial class PooledBodyContent
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        /// <summary>
        /// The staged body as UTF-8 text (JSON's encoding, RFC 8259), decoded from the chunks straight into the reader's
        /// buffer: a <see cref="StreamReader"/> would copy it into buffers of its own first (3 KB per response).
        /// </summary>
        public TextReader OpenText() => new ChunkTextReader(this);

        /// <summary>Decodes the staged chunks in order; the content must outlive it (the response owns both).</summary>
        private sealed class ChunkTextReader : TextReader
        {
            private static readonly byte[] Utf8Preamble = { 0xEF, 0xBB, 0xBF };

            private readonly PooledBodyContent _content;
            private readonly Decoder _decoder = Utf8.GetDecoder();
            private readonly char[] _pair = new char[2];
            private long _position;
            private int _pending = -1;
            private bool _flushed;

            public ChunkTextReader(PooledBodyContent content)
            {
                _content = content;
                if (StartsWithPreamble()) _position = Utf8Preamble.Length;
            }

            public override int Read(char[] buffer, int index, int count)
            {
                if (_content._disposed != 0) throw new ObjectDisposedException(nameof(PooledBodyContent));
                if (count == 0) return 0;
                if (_pending >= 0)
                {
                    buffer[index] = (char)_pending;
                    _pending = -1;
                    return 1;
                }
                if (count == 1)
                {
                    // Room for one character, and the next may be a surrogate pair: decode both, hand out one at a time.
                    var read = Read(_pair, 0, 2);
                    if (read == 0) return 0;
                    buffer[index] = _pair[0];
                    if (read == 2) _pending = _pair[1];
                    return 1;
                }
                while (_position < _content._length)
                {
                    var chunk = _content._chunks[(int)(_position / ChunkSize)];
                    var inChunk = (int)(_position % ChunkSize);
                    var available = (int)Math.Min(ChunkSize - inChunk, _content._length - _position);
                    _decoder.Convert(chunk, inChunk, available, buffer, index, count, flush: false, out var bytesUsed, out var charsUsed, out _);
                    _position += bytesUsed;
                    // No characters yet: the chunk ended inside a multi-byte sequence, which the next chunk completes.
                    if (charsUsed > 0) return charsUsed;
                }
                if (_flushed) return 0;
                // The end of the body: a sequence left incomplete becomes U+FFFD, as StreamReader does.
                _flushed = true;
                _decoder.Convert(Array.Empty<byte>(), 0, 0, buffer, index, count, flush: true, out _, out var trailing, out _);
                return trailing;
            }

            public override int Read() => Read(_pair, 0, 1) == 0 ? -1 : _pair[0];

            private bool StartsWithPreamble()
            {
                if (_content._length < Utf8Preamble.Length) return false;
                var first = _content._chunks[0];
                return first[0] == Utf8Preamble[0] && first[1] == Utf8Preamble[1] && first[2] == Utf8Preamble[2];
            }
        }
    }
}
