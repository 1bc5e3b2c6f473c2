using System;
using System.Net.Http;

namespace Voucherify.Http
{
    /// <summary>
    /// Refuses a caller's transport that follows redirects by itself: a redirect would carry <c>X-App-Id</c> and
    /// <c>X-App-Token</c> to the address it points to, because .NET removes only <c>Authorization</c> when it follows one.
    /// </summary>
    /// <remarks>
    /// Refused rather than switched off: the handler belongs to the caller and may serve other clients that rely on
    /// redirects, and its settings can no longer be changed once it has sent a request.
    /// </remarks>
    internal static class AutoRedirectCheck
    {
        /// <summary>Returns <paramref name="transport"/> when neither it nor a handler below it follows redirects.</summary>
        /// <exception cref="ArgumentException">A <see cref="HttpClientHandler"/> or <c>SocketsHttpHandler</c> in the chain has <c>AllowAutoRedirect</c> set.</exception>
        public static HttpMessageHandler Ensure(HttpMessageHandler transport, string parameterName)
        {
            for (HttpMessageHandler? handler = transport; handler != null; handler = (handler as DelegatingHandler)?.InnerHandler)
            {
                if (FollowsRedirects(handler))
                    throw new ArgumentException(
                        $"The transport's {handler.GetType().Name} follows redirects (AllowAutoRedirect = true). Set AllowAutoRedirect = false: " +
                        "a redirect would carry X-App-Id and X-App-Token to the address it points to (.NET removes only the Authorization header). " +
                        "The client reports a 3xx answer as a VoucherifyApiException instead.",
                        parameterName);
            }
            return transport;
        }

        private static bool FollowsRedirects(HttpMessageHandler handler) =>
#if NET5_0_OR_GREATER
            handler is SocketsHttpHandler { AllowAutoRedirect: true } ||
#else
            // This build also runs on .NET Core 3.1 to 7, which have SocketsHttpHandler though it cannot be named here.
            (handler.GetType().FullName == "System.Net.Http.SocketsHttpHandler" && handler.GetType().GetProperty("AllowAutoRedirect")?.GetValue(handler) is true) ||
#endif
            handler is HttpClientHandler { AllowAutoRedirect: true };
    }
}
