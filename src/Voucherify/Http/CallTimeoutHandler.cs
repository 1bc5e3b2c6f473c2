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
    /// <remarks>
    /// It keeps no timer of its own: it records the deadline on the request, the retry handler starts no wait that would
    /// outlast it, and <see cref="AttemptHandler"/> bounds each attempt by whichever comes first, its own timeout or the
    /// call's deadline. One timer per attempt instead of two per call.
    /// </remarks>
    internal sealed class CallTimeoutHandler : DelegatingHandler
    {
        private readonly TimeSpan _timeout;
        private readonly TimeProvider _time;

        public CallTimeoutHandler(TimeSpan timeout, TimeProvider time)
        {
            _timeout = timeout;
            _time = time;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_timeout == Timeout.InfiniteTimeSpan) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            RequestState.SetDeadline(request, _timeout, _time);
            try
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (CallTimedOutException)
            {
                throw new VoucherifyTimeoutException(OperationName.Of(request), VoucherifyTimeoutScope.Call, _timeout, RequestState.GetAttempts(request));
            }
        }
    }

    /// <summary>An attempt reached the call's deadline; <see cref="CallTimeoutHandler"/> reports it.</summary>
    internal sealed class CallTimedOutException : Exception
    {
        public CallTimedOutException(Exception innerException)
            : base("The call's deadline passed during an attempt.", innerException)
        {
        }
    }
}
