using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Voucherify.Http
{
    /// <summary>Puts a caller-owned handler at the bottom of our pipeline without taking over its lifetime.</summary>
    internal sealed class NonDisposingHandler : DelegatingHandler
    {
        private readonly HttpMessageInvoker _invoker;

        public NonDisposingHandler(HttpMessageHandler handler)
        {
            _invoker = new HttpMessageInvoker(handler, disposeHandler: false);
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            _invoker.SendAsync(request, cancellationToken);
    }
}
