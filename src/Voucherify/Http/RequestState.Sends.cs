using System.Net.Http;
using System.Threading;

namespace Voucherify.Http
{
    /// <summary>
    /// What went out on the wire for a call, counted by <see cref="SendGuardHandler"/> at the bottom of the chain: how many
    /// requests were sent, whether any may have reached the server, and whether another may follow. Handlers between the
    /// library and the transport (a Polly pipeline in the <c>IHttpClientFactory</c> chain) resend the same message, so the
    /// count covers their sends as well as the library's own attempts.
    /// </summary>
    internal static partial class RequestState
    {
        /// <summary>Starts the call's ledger: the replay class of its request and the most requests it may send in all.</summary>
        public static void BeginSends(HttpRequestMessage request, Replay replay, int maxSends)
        {
            var state = For(request);
            state.Replay = replay;
            state.MaxSends = maxSends;
        }

        /// <summary>The requests counted on the wire; 0 when no <see cref="SendGuardHandler"/> is in the chain.</summary>
        public static int GetSends(HttpRequestMessage request) => Find(request)?.Sends ?? 0;

        /// <summary>True once a request of this call went out that did not provably fail before reaching the server.</summary>
        public static bool MayHaveReachedServer(HttpRequestMessage request) => Find(request)?.Unproven > 0;

        /// <summary>The ledger the guard works on; null for a request the retry handler did not start (not the library's).</summary>
        internal static State? Ledger(HttpRequestMessage request)
        {
            var state = Find(request);
            return state is null || state.MaxSends == 0 ? null : state;
        }

        internal sealed partial class State
        {
            public Replay Replay;
            public int MaxSends;
            public int Sends;

            /// <summary>Sends that may have reached the server: counted when they start, taken back when one provably did not.</summary>
            public int Unproven;

            /// <summary>The outcome that ended the sending, handed again to any handler that tries to send once more.</summary>
            public FinalOutcomeException? Final;

            /// <summary>Whether one more request may go out: within the budget, and only as the replay class allows.</summary>
            public bool MaySendAnother()
            {
                if (Sends >= MaxSends) return false;
                if (Sends == 0) return true;
                switch (Replay)
                {
                    case Replay.Always:
                        return true;
                    case Replay.OnlyIfNeverSent:
                        return Volatile.Read(ref Unproven) == 0;
                    default:
                        return false;
                }
            }

            /// <summary>Counts a send that is about to start, if one may; concurrent senders (hedging) are serialised here.</summary>
            public bool TryStartSend()
            {
                lock (this)
                {
                    if (!MaySendAnother()) return false;
                    Sends++;
                    Unproven++;
                    return true;
                }
            }

            /// <summary>The send failed before a byte of it reached the server (the connection was refused).</summary>
            public void ProvedNeverSent()
            {
                lock (this) Unproven--;
            }
        }
    }
}
