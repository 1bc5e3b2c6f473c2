using System;

namespace Voucherify
{
    /// <summary>
    /// The answer came from another origin (scheme, host and port) than <see cref="VoucherifyClientOptions.BaseUri"/>:
    /// the caller's transport followed a redirect. The other host's answer is discarded, never returned.
    /// </summary>
    /// <remarks>
    /// The library never follows a redirect itself. A caller-supplied <see cref="System.Net.Http.HttpClient"/> that does
    /// has already sent the request, with <c>X-App-Id</c> and <c>X-App-Token</c>, to <see cref="RedirectedTo"/>
    /// (.NET removes only the <c>Authorization</c> header on a redirect): set <c>AllowAutoRedirect = false</c> on its
    /// handler, and consider rotating the secret key if that host is not yours.
    /// </remarks>
    public sealed class VoucherifyRedirectException : VoucherifyException
    {
        internal VoucherifyRedirectException(string operation, Uri expectedOrigin, Uri redirectedTo)
            : base($"{operation} was answered by {redirectedTo}, not by {expectedOrigin} (VoucherifyClientOptions.BaseUri): the transport followed a redirect, so its answer was discarded. " +
                "Set AllowAutoRedirect = false on the HttpClient's handler: a redirect carries X-App-Id and X-App-Token to the other host.", null)
        {
            Operation = operation;
            RedirectedTo = redirectedTo;
        }

        /// <summary>The request's method and path template, e.g. <c>GET /v1/customers/{customerId}</c> (never ids or query values).</summary>
        public string Operation { get; }

        /// <summary>The origin (scheme, host and port; no path or query) that answered instead of the configured one.</summary>
        public Uri RedirectedTo { get; }
    }
}
