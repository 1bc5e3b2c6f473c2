using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Voucherify.Http;

namespace Voucherify
{
    /// <summary>
    /// Base class of the generated <see cref="CustomersClient"/> and <see cref="AsyncActionsClient"/>: the hooks the
    /// generated code calls before sending each request and after receiving each response.
    /// </summary>
    public abstract class VoucherifyClientBase
    {
        /// <summary>The path of the base URI (<c>/</c> or a proxy prefix), to read request paths relative to it.</summary>
        private readonly string _basePath;
        private readonly AsyncLocal<string?> _additionalQuery = new AsyncLocal<string?>();

        /// <summary>Stores the options the generated constructor receives.</summary>
        /// <param name="configuration">The client's options.</param>
        protected VoucherifyClientBase(VoucherifyClientOptions configuration)
        {
            Options = configuration ?? throw new ArgumentNullException(nameof(configuration));
            configuration.Validate();
            ConfiguredBaseUrl = configuration.BaseUrlWithTrailingSlash();
            _basePath = new Uri(ConfiguredBaseUrl).AbsolutePath;
        }

        /// <summary>The options of the <see cref="VoucherifyClient"/> this client belongs to.</summary>
        protected VoucherifyClientOptions Options { get; }

        /// <summary><see cref="VoucherifyClientOptions.BaseUri"/> as the generated code appends paths to it: ending in <c>/</c>.</summary>
        protected string ConfiguredBaseUrl { get; }

        /// <summary>
        /// Called with the URL still being built: appends the query a hand-written overload attached to this call with
        /// <see cref="WithAdditionalQueryAsync{T}"/> (parameters the spec cannot describe, such as the redeemables filters).
        /// </summary>
        /// <param name="client">The HTTP client that will send the request.</param>
        /// <param name="request">The request being prepared.</param>
        /// <param name="urlBuilder">The URL built so far, with the generated query parameters.</param>
        /// <param name="cancellationToken">The call's cancellation token.</param>
        protected virtual Task PrepareRequestAsync(HttpClient client, HttpRequestMessage request, StringBuilder urlBuilder, CancellationToken cancellationToken)
        {
            var additionalQuery = _additionalQuery.Value;
            if (!string.IsNullOrEmpty(additionalQuery))
                urlBuilder.Append(urlBuilder.ToString().IndexOf('?') < 0 ? '?' : '&').Append(additionalQuery);
            return Task.CompletedTask;
        }

        /// <summary>
        /// Runs one generated operation with <paramref name="encodedQuery"/> appended to its query string.
        /// </summary>
        /// <remarks>
        /// The generated methods take no extra parameters, so the query travels in an <see cref="AsyncLocal{T}"/> of this
        /// client: it is visible only to the asynchronous flow of this call (concurrent calls each see their own) and is
        /// gone when the call returns, because an async method's changes to it never flow back to its caller.
        /// </remarks>
        /// <typeparam name="T">The operation's result.</typeparam>
        /// <param name="encodedQuery">Percent-encoded <c>name=value</c> pairs joined by <c>&amp;</c>; nothing is added when empty.</param>
        /// <param name="operation">The generated operation to run; it must send exactly one request.</param>
        private protected async Task<T> WithAdditionalQueryAsync<T>(string encodedQuery, Func<Task<T>> operation)
        {
            _additionalQuery.Value = encodedQuery;
            return await operation().ConfigureAwait(false);
        }

        /// <summary>Rejects malformed arguments (bad ids, limits, empty or oversized bulk bodies) before anything is sent, and normalises the Accept and multipart headers.</summary>
        /// <param name="client">The HTTP client that will send the request.</param>
        /// <param name="request">The request, with its final URI.</param>
        /// <param name="url">The final URL.</param>
        /// <param name="cancellationToken">The call's cancellation token.</param>
        protected virtual async Task PrepareRequestAsync(HttpClient client, HttpRequestMessage request, string url, CancellationToken cancellationToken)
        {
            RequestValidator.Validate(url, ConfiguredBaseUrl);
            await BulkPayload.ValidateAsync(request, OperationName.RelativePath(request, _basePath)).ConfigureAwait(false);
            // The generated DELETE sends no Accept (its 204 has no body), but its errors are JSON like everyone else's.
            if (request.Headers.Accept.Count == 0)
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            MultipartHeaders.QuoteDispositionValues(request.Content);
        }

        /// <summary>Turns every non-2xx response into a <see cref="VoucherifyApiException"/> carrying the API's error details.</summary>
        /// <param name="client">The HTTP client that sent the request.</param>
        /// <param name="response">The response, headers read, body not yet.</param>
        /// <param name="cancellationToken">The call's cancellation token.</param>
        protected virtual async Task ProcessResponseAsync(HttpClient client, HttpResponseMessage response, CancellationToken cancellationToken)
        {
            if (!response.IsSuccessStatusCode)
                throw await VoucherifyApiException.FromResponseAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }
}
