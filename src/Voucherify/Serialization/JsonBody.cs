using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

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
        public static HttpContent Create(object body)
        {
            var buffer = new MemoryStream();
            // A small writer buffer: a larger one costs more (its char and byte arrays) than a typical body.
            using (var writer = new StreamWriter(buffer, Utf8, bufferSize: 256, leaveOpen: true))
                VoucherifyJson.Serializer.Serialize(writer, body);
            var content = new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return content;
        }
    }
}
