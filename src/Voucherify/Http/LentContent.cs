using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace Voucherify.Http
{
    /// <summary>
    /// Lends a request's content to one attempt sent through a caller's <see cref="HttpClient"/>. On .NET Framework
    /// that client disposes the content of every message it sends, which would leave nothing to send on a retry; it
    /// disposes this wrapper instead, and the content stays with the original message for the next attempt.
    /// </summary>
    internal sealed class LentContent : HttpContent
    {
        private readonly HttpContent _content;

        public LentContent(HttpContent content)
        {
            _content = content;
            foreach (var header in content.Headers) Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _content.CopyToAsync(stream, context);

        protected override bool TryComputeLength(out long length)
        {
            var known = _content.Headers.ContentLength;
            length = known ?? 0;
            return known.HasValue;
        }

        // Dispose(bool) is deliberately not overridden: the lent content belongs to the original message.
    }
}
