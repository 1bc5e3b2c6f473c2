using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace Voucherify.Http
{
    /// <summary>
    /// Signs every request with the API key pair, names the library in <c>User-Agent</c>, and announces file uploads
    /// with <c>Expect: 100-continue</c>.
    /// </summary>
    internal sealed class ApiHeadersHandler : DelegatingHandler
    {
        internal const string ApplicationIdHeader = "X-App-Id";
        internal const string SecretKeyHeader = "X-App-Token";
        internal const string UserAgentHeader = "User-Agent";

        /// <summary><c>Voucherify.NET/{version}</c>, formatted once: added as text, it costs no parsing per request.</summary>
        internal static readonly string UserAgent = new ProductInfoHeaderValue(
            "Voucherify.NET",
            typeof(ApiHeadersHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0").ToString();

        private readonly string _applicationId;
        private readonly string _secretKey;

        public ApiHeadersHandler(VoucherifyClientOptions options)
        {
            _applicationId = options.ApplicationId;
            _secretKey = options.SecretKey;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // Set, not add: a retried message already carries them.
            request.Headers.Remove(ApplicationIdHeader);
            request.Headers.Remove(SecretKeyHeader);
            request.Headers.TryAddWithoutValidation(ApplicationIdHeader, _applicationId);
            request.Headers.TryAddWithoutValidation(SecretKeyHeader, _secretKey);
            // Only this handler sets User-Agent on our requests, so a present one is ours (a retried message).
            if (!request.Headers.Contains(UserAgentHeader))
                request.Headers.TryAddWithoutValidation(UserAgentHeader, UserAgent);
            // An upload (a CSV file of any size) is sent only once the server agrees to read it: a refusal (401, 413,
            // 429) then arrives as the API's answer instead of a connection reset part-way through the file, and the
            // file is not sent for nothing. A server that never answers 100 gets the body after a second anyway.
            if (request.Content is MultipartFormDataContent) request.Headers.ExpectContinue = true;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
