using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Newtonsoft.Json;

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

    /// <summary>Decides, per request, which failures it may be replayed after.</summary>
    internal static class ReplayPolicy
    {
        private const string CreateCustomerPath = "v1/customers";

        /// <param name="request">The request about to be sent.</param>
        /// <param name="relativePath">Its path below the base URI, without slashes at either end (<c>v1/customers</c>).</param>
        public static async Task<Replay> ClassifyAsync(HttpRequestMessage request, string relativePath)
        {
            if (!CanResend(request.Content)) return Replay.Never;
            var method = request.Method;
            if (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Options)
                return Replay.Always;
            // Creating a customer is an upsert when the body names the customer; otherwise a retry could create a twin.
            if (method == HttpMethod.Post && relativePath == CreateCustomerPath && request.Content != null
                && await NamesExistingCustomerAsync(request.Content).ConfigureAwait(false))
                return Replay.Always;
            return Replay.OnlyIfNeverSent;
        }

        /// <summary>
        /// Buffered content (JSON, form data) can be written again as is. A <see cref="StreamContent"/>, alone or inside
        /// multipart content, knows its length only when its stream can seek, and then it rewinds the stream to where it
        /// started on every send; a length that cannot be computed therefore means a stream that cannot be read twice.
        /// </summary>
        private static bool CanResend(HttpContent? content) =>
            content is null || content is ByteArrayContent || content.Headers.ContentLength.HasValue;

        private static async Task<bool> NamesExistingCustomerAsync(HttpContent content)
        {
            if (!(content is ByteArrayContent)) return false;
            var json = await content.ReadAsStringAsync().ConfigureAwait(false);
            try
            {
                using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
                while (reader.Read())
                {
                    if (reader.Depth != 1 || reader.TokenType != JsonToken.PropertyName) continue;
                    var name = (string?)reader.Value;
                    if (name != "id" && name != "source_id") continue;
                    if (reader.Read() && reader.TokenType == JsonToken.String && !string.IsNullOrWhiteSpace((string?)reader.Value)) return true;
                }
            }
            catch (JsonReaderException)
            {
                // Not JSON we understand: treat it as not naming a customer.
            }
            return false;
        }
    }
}
