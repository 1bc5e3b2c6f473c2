using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Voucherify.Serialization;

namespace Voucherify.Http
{
    /// <summary>
    /// Checks the bodies of the two bulk operations before they are sent: the API rejects a body over 10 MB with a 413
    /// and an empty list is a caller mistake. Also measures a body the way the client will send it, for code that splits
    /// large updates into compliant requests.
    /// </summary>
    internal static class BulkPayload
    {
        /// <summary>The largest request body the API accepts (<c>Payload content length greater than maximum allowed: 10485760</c>).</summary>
        public const long MaxBytes = BulkUpdateOptions.ApiMaxRequestBytes;

        private const string BulkUpdatePath = "v1/customers/bulk/async";
        private const string MetadataUpdatePath = "v1/customers/metadata/async";

        /// <summary>
        /// The number of bytes <paramref name="body"/> takes as the request body: UTF-8 JSON with the generated clients'
        /// serializer settings, exactly what <see cref="StringContent"/> sends. Counts without building the string.
        /// An application-wide <c>JsonConvert.DefaultSettings</c> (which the generated code also picks up) is not applied
        /// here; the check before sending uses the real body's length, so it stays exact either way.
        /// </summary>
        public static long MeasureJsonBytes(object body)
        {
            using var counter = new CountingStream();
            using (var writer = new StreamWriter(counter, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024))
                VoucherifyJson.Serializer.Serialize(writer, body);
            return counter.Length;
        }

        /// <summary>Rejects an oversized or empty bulk body; other requests pass untouched.</summary>
        /// <param name="request">The request, content attached.</param>
        /// <param name="relativePath">Its path below the base URI, without slashes at either end.</param>
        public static async Task ValidateAsync(HttpRequestMessage request, string relativePath)
        {
            if (request.Method != HttpMethod.Post || request.Content is null) return;
            var isBulk = relativePath == BulkUpdatePath;
            if (!isBulk && relativePath != MetadataUpdatePath) return;

            var size = request.Content.Headers.ContentLength ?? 0;
            if (size > MaxBytes) throw new VoucherifyPayloadTooLargeException("POST /" + relativePath, size, MaxBytes, "body");

            using var stream = await request.Content.ReadAsStreamAsync().ConfigureAwait(false);
            using var reader = new JsonTextReader(new StreamReader(stream, Encoding.UTF8)) { DateParseHandling = DateParseHandling.None };
            if (isBulk)
            {
                if (IsEmptyArrayNext(reader))
                    throw new ArgumentException("The bulk update has no customers; pass at least one item (nothing was sent).", "body");
            }
            else if (!HasSourceIds(reader))
            {
                throw new ArgumentException("The metadata update names no customers: SourceIds must hold at least one source_id (nothing was sent).", "body");
            }
        }

        private static bool IsEmptyArrayNext(JsonReader reader) =>
            reader.Read() && reader.TokenType == JsonToken.StartArray && reader.Read() && reader.TokenType == JsonToken.EndArray;

        private static bool HasSourceIds(JsonReader reader)
        {
            while (reader.Read())
            {
                if (reader.Depth == 1 && reader.TokenType == JsonToken.PropertyName && (string?)reader.Value == "source_ids")
                    return reader.Read() && reader.TokenType == JsonToken.StartArray && reader.Read() && reader.TokenType != JsonToken.EndArray;
            }
            return false;
        }

        /// <summary>A write-only stream that only counts the bytes written to it.</summary>
        private sealed class CountingStream : Stream
        {
            private long _length;

            public override bool CanRead => false;
            public override bool CanSeek => false;
            public override bool CanWrite => true;
            public override long Length => _length;

            public override long Position
            {
                get => _length;
                set => throw new NotSupportedException();
            }

            public override void Write(byte[] buffer, int offset, int count) => _length += count;

            public override void Flush()
            {
            }

            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();
        }
    }
}
