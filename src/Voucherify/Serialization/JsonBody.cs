using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;

namespace Voucherify.Serialization
{
    /// <summary>Request bodies: a value serialized with <see cref="VoucherifyJson.Serializer"/> as UTF-8 JSON.</summary>
    internal static class JsonBody
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        /// <summary>
        /// Serializes into memory once, so the length is known (the bulk limit is checked before sending) and every
        /// attempt of a retried call sends the same bytes.
        /// </summary>
        /// <exception cref="ArgumentException">The body cannot be written: a member the API requires is null, or it refers back to itself.</exception>
        public static JsonBodyContent Create(object body)
        {
            var buffer = new MemoryStream();
            bool namesResource;
            // A small writer buffer: a larger one costs more (its char and byte arrays) than a typical body.
            using (var writer = new ResourceKeyWriter(new StreamWriter(buffer, Utf8, bufferSize: 256, leaveOpen: true)))
            {
                try
                {
                    VoucherifyJson.Serializer.Serialize(writer, body);
                }
                catch (JsonSerializationException exception)
                {
                    // The caller's value is at fault, not the wire: say so in the type every other argument check uses.
                    throw new ArgumentException($"The request body cannot be sent: {exception.Message} Nothing was sent.", "body", exception);
                }
                namesResource = writer.NamesResource;
            }
            return new JsonBodyContent(buffer.GetBuffer(), (int)buffer.Length, namesResource);
        }

        /// <summary>
        /// Notes, while writing, whether the top-level object has a non-blank string <c>id</c> or <c>source_id</c>, so
        /// the retry handler knows whether an upsert names its resource without reading the body back.
        /// </summary>
        private sealed class ResourceKeyWriter : JsonTextWriter
        {
            private bool _keyNext;

            public ResourceKeyWriter(TextWriter writer)
                : base(writer)
            {
                ArrayPool = PooledChars.Instance;
            }

            public bool NamesResource { get; private set; }

            public override void WritePropertyName(string name)
            {
                base.WritePropertyName(name);
                _keyNext = IsResourceKey(name);
            }

            public override void WritePropertyName(string name, bool escape)
            {
                base.WritePropertyName(name, escape);
                _keyNext = IsResourceKey(name);
            }

            private bool IsResourceKey(string name) => Top == 1 && (name == "id" || name == "source_id");

            public override void WriteValue(string? value)
            {
                // Straight after the key (not inside an array or object under it).
                if (_keyNext && WriteState == WriteState.Property && !string.IsNullOrWhiteSpace(value)) NamesResource = true;
                base.WriteValue(value);
            }
        }
    }

    /// <summary>A serialized JSON request body, with what the writer noticed about it.</summary>
    internal sealed class JsonBodyContent : ByteArrayContent
    {
        public JsonBodyContent(byte[] buffer, int length, bool namesResource)
            : base(buffer, 0, length)
        {
            NamesResource = namesResource;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        /// <summary>Whether the top-level object has a non-blank string <c>id</c> or <c>source_id</c>.</summary>
        public bool NamesResource { get; }
    }
}
