using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Voucherify.Http
{
    /// <summary>
    /// One attempt, from sending the request to the last byte of its answer: bounded by the attempt timeout, answered by
    /// the configured origin (<see cref="SameOrigin"/>), and its body read within that bound and within
    /// <see cref="VoucherifyClientOptions.MaxResponseBytes"/> into pooled chunks (<see cref="PooledBodyContent"/>), so that
    /// a connection cut mid-body fails the attempt here (where it can be retried) and not later while the caller's result
    /// is being read.
    /// </summary>
    /// <remarks>One handler rather than three: each handler in the chain costs every call an async state machine.</remarks>
    internal sealed class AttemptHandler : DelegatingHandler
    {
        private readonly TimeSpan _timeout;
        private readonly long _maxResponseBytes;
        private readonly SameOrigin _origin;
        private readonly TimeProvider _time;

        public AttemptHandler(TimeSpan timeout, long maxResponseBytes, Uri baseUri, TimeProvider time)
        {
            _timeout = timeout;
            _maxResponseBytes = maxResponseBytes;
            _origin = new SameOrigin(baseUri);
            _time = time;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // Bounded by its own timeout or by what is left of the call's (see CallDeadline), whichever ends first.
            var remaining = RequestState.Remaining(request);
            var callBound = remaining.HasValue && (_timeout == Timeout.InfiniteTimeSpan || remaining.Value <= _timeout);
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var budget = callBound ? remaining!.Value : _timeout;
            using var timer = budget == Timeout.InfiniteTimeSpan ? null : Clock.CancelAfter(_time, attempt, budget);
            var sent = request.RequestUri;
            HttpResponseMessage? response = null;
            try
            {
                try
                {
                    response = await base.SendAsync(request, attempt.Token).ConfigureAwait(false);
                }
                catch (FinalOutcomeException final)
                {
                    // Carried past the handlers below as an exception so none of them could send the request again.
                    response = final.Unwrap();
                }
                _origin.Ensure(response, request, sent);
                await PooledBodyContent.LoadAsync(response, request, _maxResponseBytes, attempt.Token).ConfigureAwait(false);
                return response;
            }
            catch (Exception exception)
            {
                response?.Dispose();
                // The caller cancelled.
                if (cancellationToken.IsCancellationRequested)
                {
                    if (exception is OperationCanceledException) throw;
                    throw new OperationCanceledException("The request was cancelled.", exception, cancellationToken);
                }
                // Our timer at the call's deadline: the call is over.
                if (callBound && attempt.IsCancellationRequested) throw new CallTimedOutException(exception);
                // A timeout below us that names itself (a caller's HttpClient.Timeout, a resilience handler's).
                if (!attempt.IsCancellationRequested && TimeoutBelow.Recognise(exception) is { } below) throw below;
                // Our timer, or a timeout below us that does not say what it was: this attempt took too long.
                if (exception is OperationCanceledException || attempt.IsCancellationRequested)
                    throw new AttemptTimedOutException(_timeout, exception);
                throw;
            }
        }
    }

    /// <summary>One attempt ran out of time; the retry handler decides whether to try again or report a <see cref="VoucherifyTimeoutException"/>.</summary>
    internal sealed class AttemptTimedOutException : Exception
    {
        /// <param name="timeout">The limit that fired.</param>
        /// <param name="innerException">The cancellation or timeout exception seen.</param>
        /// <param name="limit">What fired, for the message, when it was not <see cref="VoucherifyClientOptions.AttemptTimeout"/>.</param>
        public AttemptTimedOutException(TimeSpan timeout, Exception innerException, string? limit = null)
            : base($"The attempt did not complete within {timeout}.", innerException)
        {
            Timeout = timeout;
            Limit = limit;
        }

        public TimeSpan Timeout { get; }

        /// <summary>What fired, when not the client's own attempt timeout; null for that one.</summary>
        public string? Limit { get; }
    }
}
