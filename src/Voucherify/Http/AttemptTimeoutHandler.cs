using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Voucherify.Http
{
    /// <summary>
    /// Bounds one attempt, from sending the request to the last byte of the response, and reads the response body within
    /// that bound into pooled chunks (<see cref="PooledBodyContent"/>), so that a connection cut mid-body fails the attempt
    /// here (where it can be retried) and not later while the caller's result is being read.
    /// </summary>
    internal sealed class AttemptTimeoutHandler : DelegatingHandler
    {
        private readonly TimeSpan _timeout;

        public AttemptTimeoutHandler(TimeSpan timeout)
        {
            _timeout = timeout;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (_timeout != Timeout.InfiniteTimeSpan) attempt.CancelAfter(_timeout);
            HttpResponseMessage? response = null;
            try
            {
                response = await base.SendAsync(request, attempt.Token).ConfigureAwait(false);
                await PooledBodyContent.LoadAsync(response, attempt.Token).ConfigureAwait(false);
                return response;
            }
            catch (Exception exception)
            {
                response?.Dispose();
                // The outer token: the caller cancelled, or the call timeout fired; the handlers above report that.
                if (cancellationToken.IsCancellationRequested)
                {
                    if (exception is OperationCanceledException) throw;
                    throw new OperationCanceledException("The request was cancelled.", exception, cancellationToken);
                }
                // Our timer, or a timeout below us (a caller-supplied HttpClient's own Timeout): this attempt took too long.
                if (exception is OperationCanceledException || attempt.IsCancellationRequested)
                    throw new AttemptTimedOutException(_timeout, exception);
                throw;
            }
        }
    }

    /// <summary>One attempt ran out of time; the retry handler decides whether to try again or report a <see cref="VoucherifyTimeoutException"/>.</summary>
    internal sealed class AttemptTimedOutException : Exception
    {
        public AttemptTimedOutException(TimeSpan timeout, Exception innerException)
            : base($"The attempt did not complete within {timeout}.", innerException)
        {
            Timeout = timeout;
        }

        public TimeSpan Timeout { get; }
    }
}
