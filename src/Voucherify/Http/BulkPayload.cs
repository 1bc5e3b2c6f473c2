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
    /// Checks request bodies before they are sent, as the operation's descriptor says: the API rejects a bulk body over
    /// 10 MB with a 413, and an empty list is a caller mistake. Also measures a body the way the client will send it, for
    /// code that splits large updates into compliant requests.
    /// </summary>
    internal static class BulkPayload
    {
        /// <summary>The largest request body the API accepts (<c>Payload content length greater than maximum allowed: 10485760</c>).</summary>
        public const long MaxBytes = BulkUpdateOptions.ApiMaxRequestBytes;

        /// <summary>
        /// The number of bytes <paramref name="body"/> takes as the request body: UTF-8 JSON with the client's serializer,
        /// exactly what <see cref="Serialization.JsonBody"/> sends. Counts without building the body.
        /// </summary>
        public static long MeasureJsonBytes(object body)
        {
            using var counter = new CountingStream();
            using (var writer = new StreamWriter(counter, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024))
                VoucherifyJson.Serializer.Serialize(writer, body);
            return counter.Length;
        }

        /// <summary>
        /// Rejects a body larger than the operation's <see cref="OperationDescriptor.MaxRequestBytes"/>, or one whose
        /// <see cref="OperationDescriptor.RequiredItems"/> array is empty; other requests pass untouched.
        /// </summary>
        /// <param name="request">The request, content attached.</param>
        /// <param name="operation">The operation it belongs to.</param>
        public static async Task ValidateAsync(HttpRequestMessage request, OperationDescriptor operation)
        {
            if (request.Content is null) return;
            var size = request.Content.Headers.ContentLength ?? 0;
            if (size > operation.MaxRequestBytes) throw new VoucherifyPayloadTooLargeException(operation.Name, size, operation.MaxRequestBytes.Value, "body");
            if (operation.RequiredItems is null) return;

            // The body is the JSON the generated method has just serialized into memory: reading it costs no I/O.
            using var stream = await request.Content.ReadAsStreamAsync().ConfigureAwait(false);
            using var reader = new JsonTextReader(new StreamReader(stream, Encoding.UTF8)) { DateParseHandling = DateParseHandling.None };
            if (operation.RequiredItems == OperationDescriptor.WholeBody)
            {
                if (IsEmptyArrayNext(reader))
                    throw new ArgumentException("The bulk update has no customers; pass at least one item (nothing was sent).", "body");
            }
            else if (!HasItems(reader, operation.RequiredItems))
            {
                throw new ArgumentException($"The request names no items: {PropertyName(operation.RequiredItems)} must hold at least one (nothing was sent).", "body");
            }
        }

        /// <summary>The C# property of a wire name, as the DTO template names it (<c>source_ids</c> → <c>SourceIds</c>).</summary>
        private static string PropertyName(string wireName)
        {
            var name = new StringBuilder(wireName.Length);
            foreach (var word in wireName.Split('_'))
                if (word.Length > 0) name.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
            return name.ToString();
        }

        private static bool IsEmptyArrayNext(JsonReader reader) =>
            reader.Read() && reader.TokenType == JsonToken.StartArray && reader.Read() && reader.TokenType == JsonToken.EndArray;

        private static bool HasItems(JsonReader reader, string member)
        {
            while (reader.Read())
            {
                if (reader.Depth == 1 && reader.TokenType == JsonToken.PropertyName && (string?)reader.Value == member)
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
