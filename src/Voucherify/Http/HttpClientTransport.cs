using System;
using System.Collections.Generic;
using System.Diagnostics;
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

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var attempt = new HttpRequestMessage(request.Method, request.RequestUri)
            {
                Content = request.Content is null ? null : new LentContent(request.Content),
                Version = request.Version,
            };
            foreach (KeyValuePair<string, IEnumerable<string>> header in request.Headers)
                attempt.Headers.TryAddWithoutValidation(header.Key, header.Value);
            var started = Stopwatch.GetTimestamp();
            try
            {
                return await _httpClient.SendAsync(attempt, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException cancelled) when (!cancellationToken.IsCancellationRequested && IsOwnTimeout(cancelled, started))
            {
                // Its Timeout fired, not the library's attempt timer (that would have cancelled our token): say so.
                throw new AttemptTimedOutException(_httpClient.Timeout, cancelled,
                    $"the Timeout of {VoucherifyTimeoutException.Seconds(_httpClient.Timeout)} s of the HttpClient given to the client (HttpClient.Timeout)");
            }
        }

        /// <summary>
        /// .NET 5+ marks the HttpClient's own timeout with an inner <see cref="TimeoutException"/>; older runtimes do not,
        /// so there it is the timeout when at least that long has passed.
        /// </summary>
        private bool IsOwnTimeout(OperationCanceledException cancelled, long started) =>
            cancelled.InnerException is TimeoutException ||
            (_httpClient.Timeout != Timeout.InfiniteTimeSpan && Stopwatch.GetTimestamp() - started >= _httpClient.Timeout.TotalSeconds * Stopwatch.Frequency);
    }
}
