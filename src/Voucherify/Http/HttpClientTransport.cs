using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Voucherify.Http
{
    /// <summary>
    /// The bottom of the pipeline when the caller brings an <see cref="HttpClient"/>: each attempt is sent through it.
    /// </summary>
    /// <remarks>
    /// An <see cref="HttpClient"/> refuses a request message that has already been sent once, and our own outer
    /// client has sent it; so each attempt travels as a fresh message that shares the method, URI, headers and
    /// content (content is not copied: it is lent, see <see cref="LentContent"/>, and stays owned by the original message).
    /// </remarks>
    internal sealed class HttpClientTransport : HttpMessageHandler
    {
        private readonly HttpClient _httpClient;

        public HttpClientTransport(HttpClient httpClient)
        {
            _httpClient = httpClient;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var attempt = new HttpRequestMessage(request.Method, request.RequestUri)
            {
                Content = request.Content is null ? null : new LentContent(request.Content),
                Version = request.Version,
            };
            foreach (KeyValuePair<string, IEnumerable<string>> header in request.Headers)
                attempt.Headers.TryAddWithoutValidation(header.Key, header.Value);
            return _httpClient.SendAsync(attempt, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
    }
}
