using System;
using System.Net.Http;

namespace Voucherify.Http
{
    /// <summary>
    /// Fails closed when an answer comes from another origin than the configured base URI, which happens only when a
    /// transport the library cannot inspect (a caller's <see cref="HttpClient"/>) followed a redirect: the other host's
    /// answer is never handed to the caller as if the API had sent it.
    /// </summary>
    internal sealed class SameOrigin
    {
        private readonly Uri _origin;

        public SameOrigin(Uri baseUri)
        {
            _origin = OriginOf(baseUri);
        }

        /// <summary>Throws when <paramref name="response"/> was answered at another origin than the one <paramref name="sent"/> was built on.</summary>
        /// <param name="response">The transport's answer.</param>
        /// <param name="request">The request as the pipeline sent it (named in the exception).</param>
        /// <param name="sent">The URI the attempt was sent to, built by the generated clients from the base URI.</param>
        /// <exception cref="VoucherifyRedirectException">The answer came from another origin.</exception>
        public void Ensure(HttpResponseMessage response, HttpRequestMessage request, Uri? sent)
        {
            var answeredBy = response.RequestMessage?.RequestUri;
            // A transport that follows a redirect puts the new address on the message; the same Uri object means it did not.
            if (answeredBy is null || ReferenceEquals(answeredBy, sent) || !answeredBy.IsAbsoluteUri || IsOrigin(answeredBy)) return;
            throw new VoucherifyRedirectException(OperationName.Of(request), _origin, OriginOf(answeredBy));
        }

        private bool IsOrigin(Uri uri) =>
            Uri.Compare(uri, _origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

        private static Uri OriginOf(Uri uri) => new Uri(uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped));
    }
}
