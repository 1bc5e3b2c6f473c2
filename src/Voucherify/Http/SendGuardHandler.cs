using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Voucherify.Http
{
    /// <summary>
    /// The last handler before the transport in a chain that may hold handlers of the caller's (the
    /// <c>IHttpClientFactory</c> chain of the DI package): every request that goes out passes it, whoever sends it. It
    /// counts the sends (so attempt numbers and messages count what went out), refuses a send the request's replay class
    /// or <see cref="RetryOptions.MaxAttempts"/> forbids, and carries an outcome after which nothing may be sent again past
    /// the handlers above it as a <see cref="FinalOutcomeException"/>, so a retrying handler (Polly) cannot act on it.
    /// </summary>
    /// <remarks>
    /// Requests the library did not build (no <see cref="RequestState"/> ledger) pass untouched. A cancellation passes
    /// untouched too: it belongs to whoever cancelled (the caller, the library's attempt timer, a timeout handler above).
    /// </remarks>
    internal sealed class SendGuardHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var ledger = RequestState.Ledger(request);
            if (ledger is null) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!ledger.TryStartSend()) throw ledger.Final ??= new FinalOutcomeException(Refusal(request, ledger));

            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception failure) when (!cancellationToken.IsCancellationRequested && !(failure is FinalOutcomeException))
            {
                if (TransportFailure.IsNetworkFailure(failure) && TransportFailure.NeverReachedServer(failure)) ledger.ProvedNeverSent();
                if (ledger.MaySendAnother()) throw;
                throw ledger.Final = new FinalOutcomeException(failure);
            }

            if (IsTransient((int)response.StatusCode) && !ledger.MaySendAnother())
                throw ledger.Final = new FinalOutcomeException(response);
            return response;
        }

        /// <summary>The statuses retry pipelines treat as transient (Microsoft.Extensions.Http.Resilience's default among them).</summary>
        private static bool IsTransient(int status) => status == 408 || status == 429 || status >= 500;

        private static HttpRequestException Refusal(HttpRequestMessage request, RequestState.State ledger)
        {
            string why;
            if (ledger.Sends >= ledger.MaxSends)
                why = $"it has been sent {(ledger.Sends == 1 ? "once" : ledger.Sends + " times")}, as many as RetryOptions.MaxAttempts allows";
            else if (ledger.Replay == Replay.Never)
                why = "its body is a stream that cannot be read twice";
            else
                why = "it may already have reached the server, and it is not safe to send twice";
            return new HttpRequestException(
                $"{OperationName.Of(request)} was not sent again: {why}. A handler between the Voucherify client and its transport (a retry or hedging pipeline) tried to send it once more.");
        }
    }
}
