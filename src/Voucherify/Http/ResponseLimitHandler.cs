using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Voucherify.Http
{
    /// <summary>
    /// Puts <see cref="BoundedResponseContent"/> on every response as it comes from the transport, below the handlers
    /// that read the body, so nothing above can read more than <see cref="VoucherifyClientOptions.MaxResponseBytes"/>.
    /// </summary>
    internal sealed class ResponseLimitHandler : DelegatingHandler
    {
        private readonly long _limit;

        public ResponseLimitHandler(long limit)
        {
            _limit = limit;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            try
            {
                BoundedResponseContent.Install(response, _limit, request);
                return response;
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
    }
}
