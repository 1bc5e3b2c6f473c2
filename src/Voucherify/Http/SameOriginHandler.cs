using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Voucherify.Http
{
    /// <summary>
    /// Fails closed when an answer comes from another origin than the configured base URI, which happens only when a
    /// transport the library cannot inspect (a caller's <see cref="HttpClient"/>) followed a redirect: the other host's
    /// answer is never handed to the caller as if the API had sent it.
    /// </summary>
    internal sealed class SameOriginHandler : DelegatingHandler
    {
        private readonly Uri _origin;

        public SameOriginHandler(Uri baseUri)
        {
            _origin = OriginOf(baseUri);
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var answeredBy = response.RequestMessage?.RequestUri;
            if (answeredBy is null || !answeredBy.IsAbsoluteUri || SameOrigin(answeredBy, _origin)) return response;
            response.Dispose();
            throw new VoucherifyRedirectException(OperationName.Of(request), _origin, OriginOf(answeredBy));
        }

        private static bool SameOrigin(Uri uri, Uri origin) =>
            Uri.Compare(uri, origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

        private static Uri OriginOf(Uri uri) => new Uri(uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped));
    }
}
