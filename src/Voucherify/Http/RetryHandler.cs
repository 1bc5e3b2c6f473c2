using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Voucherify.Http
{
    /// <summary>
    /// Sends a request up to <see cref="RetryOptions.MaxAttempts"/> times while it fails for a transient reason and is safe
    /// to replay (see <see cref="ReplayPolicy"/>), waiting between attempts as the server asks or with jittered backoff.
    /// Records the rate-limit headers of every response. Sits above the per-attempt handlers, so each attempt is signed,
    /// timed and logged on its own. Also keeps the call's deadline (see <see cref="CallDeadline"/>): it is the one handler
    /// that sees the call once, so the deadline costs no handler of its own.
    /// </summary>
    internal sealed class RetryHandler : DelegatingHandler
    {
        private static readonly Random SharedRandom = new Random();

        private readonly RetryOptions _options;
        private readonly RateLimitTracker _rateLimits;
        private readonly TimeProvider _time;
        private readonly TimeSpan _callTimeout;

        /// <param name="options">A private copy of the retry settings.</param>
        /// <param name="rateLimits">Where the last seen rate-limit state is kept for the client.</param>
        /// <param name="time">The clock the waits between attempts and the call's deadline run on.</param>
        /// <param name="callTimeout">The whole call's limit (<see cref="VoucherifyClientOptions.CallTimeout"/>); infinite for none.</param>
        public RetryHandler(RetryOptions options, RateLimitTracker rateLimits, TimeProvider time, TimeSpan callTimeout)
        {
            _options = options;
            _rateLimits = rateLimits;
            _time = time;
            _callTimeout = callTimeout;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            CallDeadline.Start(request, _callTimeout, _time);
            // An attempt that ran into the call's deadline ends the call: one try here rather than a handler of its own.
            try
            {
                var replay = ReplayPolicy.Classify(request);
                // The budget and the replay class also bind handlers below the library (see SendGuardHandler).
                RequestState.BeginSends(request, replay, _options.MaxAttempts);
                for (var attempt = 1; ; attempt++)
                {
                    RequestState.SetAttempts(request, attempt);
                    HttpResponseMessage response;
                    try
                    {
                        response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                    }
                    catch (AttemptTimedOutException timedOut)
                    {
                        // The server may be working on it: only requests that are safe to repeat get another attempt.
                        if (CanRetry(replay == Replay.Always, attempt, request, out var wait))
                        {
                            await WaitAsync(wait, cancellationToken).ConfigureAwait(false);
                            continue;
                        }
                        throw new VoucherifyTimeoutException(OperationName.Of(request), VoucherifyTimeoutScope.Attempt, timedOut.Timeout, RequestState.GetAttempts(request), timedOut.Limit);
                    }
                    catch (Exception failure) when (TransportFailure.IsNetworkFailure(failure) && !cancellationToken.IsCancellationRequested)
                    {
                        // Not this attempt alone: a handler below may have sent the request before, and that send may have arrived.
                        var neverSent = TransportFailure.NeverReachedServer(failure) && !RequestState.MayHaveReachedServer(request);
                        var replayAllowed = replay == Replay.Always || (replay == Replay.OnlyIfNeverSent && neverSent);
                        if (CanRetry(replayAllowed, attempt, request, out var wait))
                        {
                            await WaitAsync(wait, cancellationToken).ConfigureAwait(false);
                            continue;
                        }
                        throw new VoucherifyNetworkException(OperationName.Of(request), RequestState.GetAttempts(request), !neverSent, replayAllowed, failure);
                    }

                    var status = (int)response.StatusCode;
                    var rateLimit = RateLimitInfo.FromResponse(response.Headers, _time.GetUtcNow());
                    _rateLimits.Observe(rateLimit);
                    if (replay != Replay.Always || !WithinBudget(request) || !IsTransient(status, rateLimit)) return response;

                    var requested = RetryDelay.ServerRequested(status, rateLimit);
                    // Asked to wait longer than we accept, or than the call has left: fail now, the response carries the details.
                    if (requested > _options.MaxServerDelay) return response;
                    var delay = requested > TimeSpan.Zero ? requested.Value : Backoff(attempt);
                    if (!FitsCallBudget(request, delay)) return response;
                    response.Dispose();
                    await WaitAsync(delay, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (CallTimedOutException)
            {
                throw CallDeadline.Exceeded(request, _callTimeout);
            }
        }

        private static bool IsTransient(int status, RateLimitInfo? rateLimit)
        {
            switch (status)
            {
                case 429:
                    // The billing cycle's quota does not come back within any retry budget.
                    return !string.Equals(rateLimit?.LimitType, RateLimitInfo.BillingCycleType, StringComparison.OrdinalIgnoreCase);
                case 408:
                case 500:
                case 502:
                case 503:
                case 504:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Whether a failed attempt gets a successor, and after which backoff.</summary>
        private bool CanRetry(bool replayAllowed, int attempt, HttpRequestMessage request, out TimeSpan wait)
        {
            wait = Backoff(attempt);
            return replayAllowed && WithinBudget(request) && FitsCallBudget(request, wait);
        }

        /// <summary>
        /// Whether the library may send another attempt: its own retries are on, and the call has sent fewer than
        /// <see cref="RetryOptions.MaxAttempts"/> requests, counting those a retrying handler below sent.
        /// </summary>
        private bool WithinBudget(HttpRequestMessage request) =>
            _options.ClientRetries && RequestState.GetAttempts(request) < _options.MaxAttempts;

        /// <summary>
        /// False when the wait would outlast the call timeout: the caller is better served by the failure in hand than by
        /// a <see cref="VoucherifyTimeoutException"/> after a sleep that could not end in time.
        /// </summary>
        private static bool FitsCallBudget(HttpRequestMessage request, TimeSpan wait)
        {
            var remaining = RequestState.Remaining(request);
            return remaining is null || wait < remaining.Value;
        }

        private TimeSpan Backoff(int attempt) => RetryDelay.Backoff(attempt, _options, NextRandom());

        private Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) =>
            delay > TimeSpan.Zero ? Clock.Delay(_time, delay, cancellationToken) : Task.CompletedTask;

        private static double NextRandom()
        {
            lock (SharedRandom) return SharedRandom.NextDouble();
        }
    }
}
