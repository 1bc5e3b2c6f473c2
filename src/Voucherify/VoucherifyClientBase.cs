using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Voucherify.Http;
using Voucherify.Serialization;

namespace Voucherify
{
    /// <summary>
    /// Base class of the generated <see cref="CustomersClient"/> and <see cref="AsyncActionsClient"/>: what every
    /// generated operation does the same way (building the request, sending it, turning the response into a result or
    /// a <see cref="VoucherifyApiException"/>). Only the generated clients derive from it.
    /// </summary>
    public abstract class VoucherifyClientBase
    {
        private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new MediaTypeWithQualityHeaderValue("application/json");
        private readonly SecretRedactor _redactor;

        private readonly string _baseUrl;

        /// <summary>Keeps the options and the client (with its handler pipeline) the generated constructor receives.</summary>
        private protected VoucherifyClientBase(VoucherifyClientOptions configuration, HttpClient httpClient)
        {
            Options = configuration ?? throw new ArgumentNullException(nameof(configuration));
            HttpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
            _baseUrl = configuration.BaseUrlWithTrailingSlash();
            _redactor = new SecretRedactor(configuration.SecretKey);
        }

        /// <summary>The options of the <see cref="VoucherifyClient"/> this client belongs to.</summary>
        private protected VoucherifyClientOptions Options { get; }

        /// <summary>The client whose handler pipeline every request goes through.</summary>
        private protected HttpClient HttpClient { get; }

        /// <summary>A URL builder holding the base URI (ending in <c>/</c>), for the generated code to append the path and query to.</summary>
        private protected StringBuilder CreateUrlBuilder() => new StringBuilder(_baseUrl, _baseUrl.Length + 64);

        /// <summary>A request for <paramref name="operation"/> at the URL built so far, with its descriptor attached.</summary>
        private protected static HttpRequestMessage CreateRequest(OperationDescriptor operation, StringBuilder url)
        {
            var request = new StatefulRequestMessage(operation.HttpMethod, new Uri(url.ToString(), UriKind.Absolute));
            // Every answer of this API is JSON, errors of a bodiless DELETE included.
            request.Headers.Accept.Add(AcceptJson);
            RequestState.SetOperation(request, operation);
            return request;
        }

        /// <summary>The JSON request body of <paramref name="body"/>, UTF-8 without BOM, its length known before sending.</summary>
        private protected static HttpContent CreateJsonContent(object body) => JsonBody.Create(body);

        /// <summary>Sends the request and reads the 2xx response's JSON body as <typeparamref name="T"/>.</summary>
        /// <exception cref="VoucherifyApiException">The API answered with an error, or a 2xx whose body could not be read as <typeparamref name="T"/>.</exception>
        private protected async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
            where T : class
        {
            using var response = await SendCheckedAsync(request, cancellationToken).ConfigureAwait(false);
            return ResponseBody.Read<T>(response, _redactor);
        }

        /// <summary>Sends the request; the 2xx response's body, if any, is ignored.</summary>
        /// <exception cref="VoucherifyApiException">The API answered with an error.</exception>
        private protected async Task SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var response = await SendCheckedAsync(request, cancellationToken).ConfigureAwait(false);
        }

        private async Task<HttpResponseMessage> SendCheckedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var operation = RequestState.GetOperation(request)!;
            // Quoting changes the multipart headers, so it must come before anything computes the content's length.
            MultipartHeaders.QuoteDispositionValues(request.Content);
            await BulkPayload.ValidateAsync(request, operation).ConfigureAwait(false);
            var response = await HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode) return response;
            using (response)
                throw await VoucherifyApiException.FromResponseAsync(response, _redactor, cancellationToken).ConfigureAwait(false);
        }
    }
}
