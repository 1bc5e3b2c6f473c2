using System.Net.Http;
using Voucherify.Serialization;

namespace Voucherify.Http
{
    /// <summary>When a request may be sent again after a failure.</summary>
    internal enum Replay
    {
        /// <summary>The body cannot be sent twice (a stream that cannot be rewound).</summary>
        Never,

        /// <summary>Sending it twice could act twice (start a second job): only when the first attempt provably never reached the server.</summary>
        OnlyIfNeverSent,

        /// <summary>Sending it twice has the same effect as once.</summary>
        Always,
    }

    /// <summary>Decides, per request, which failures it may be replayed after, from its operation's <see cref="ReplayClass"/>.</summary>
    internal static class ReplayPolicy
    {
        /// <param name="request">The request about to be sent.</param>
        public static Replay Classify(HttpRequestMessage request)
        {
            if (!CanResend(request.Content)) return Replay.Never;
            switch (RequestState.GetOperation(request)?.Replay)
            {
                case ReplayClass.Safe:
                    return Replay.Always;
                // An upsert when the body names the resource (noted while it was serialized); otherwise a retry could create a twin.
                case ReplayClass.UpsertWhenIdOrSourceId when request.Content is JsonBodyContent { NamesResource: true }:
                    return Replay.Always;
                default:
                    // Never, and a request the generated clients did not build: only if it provably never left.
                    return Replay.OnlyIfNeverSent;
            }
        }

        /// <summary>
        /// Buffered content (JSON, form data) can be written again as is. A <see cref="StreamContent"/>, alone or inside
        /// multipart content, knows its length only when its stream can seek, and then it rewinds the stream to where it
        /// started on every send; a length that cannot be computed therefore means a stream that cannot be read twice.
        /// </summary>
        private static bool CanResend(HttpContent? content) =>
            content is null || content is ByteArrayContent || content.Headers.ContentLength.HasValue;
    }
}
