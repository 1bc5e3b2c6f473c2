using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Voucherify.Http
{
    /// <summary>
    /// Bounds a whole call, retries and their waits included, and tells that timeout apart from the caller's cancellation:
    /// the first becomes a <see cref="VoucherifyTimeoutException"/>, the second stays an <see cref="OperationCanceledException"/>.
    /// </summary>
    internal sealed class CallTimeoutHandler : DelegatingHandler
    {
        private readonly TimeSpan _timeout;

        public CallTimeoutHandler(TimeSpan timeout)
        {
            _timeout = timeout;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_timeout == Timeout.InfiniteTimeSpan) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            using var call = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            call.CancelAfter(_timeout);
            RequestState.SetDeadline(request, _timeout);
            try
            {
                return await base.SendAsync(request, call.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (call.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new VoucherifyTimeoutException(OperationName.Of(request), VoucherifyTimeoutScope.Call, _timeout, RequestState.GetAttempts(request));
            }
        }
    }
}
