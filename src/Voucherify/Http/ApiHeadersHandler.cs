using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace Voucherify.Http
{
    /// <summary>Signs every request with the API key pair and names the library in <c>User-Agent</c>.</summary>
    internal sealed class ApiHeadersHandler : DelegatingHandler
    {
        internal const string ApplicationIdHeader = "X-App-Id";
        internal const string SecretKeyHeader = "X-App-Token";

        internal static readonly ProductInfoHeaderValue UserAgent = new ProductInfoHeaderValue(
            "Voucherify.NET",
            typeof(ApiHeadersHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");

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
            if (!request.Headers.UserAgent.Contains(UserAgent))
                request.Headers.UserAgent.Add(UserAgent);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
