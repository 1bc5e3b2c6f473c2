using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Voucherify
{
    /// <summary>
    /// The API answered with an error status, or with a success status whose body could not be read.
    /// </summary>
    /// <remarks>
    /// The API sends errors in three shapes (its usual error object, the gateway's 413 body and the 429 body);
    /// all are read into the same properties. Nothing of the request, and so never the secret key, is included.
    /// </remarks>
    public class VoucherifyApiException : VoucherifyException
    {
        /// <summary>Longest error body kept in <see cref="ResponseBody"/>; error bodies are small unless a proxy sent a page.</summary>
        internal const int MaxBodyLength = 64 * 1024;

        /// <summary>Creates the exception from a response the generated client could not use.</summary>
        /// <param name="message">What went wrong, from the caller's point of view.</param>
        /// <param name="statusCode">The HTTP status of the response.</param>
        /// <param name="response">The response body, when it was read.</param>
        /// <param name="headers">The response headers.</param>
        /// <param name="innerException">The parsing failure, if any.</param>
        public VoucherifyApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
            : this(statusCode, ApiErrorBody.Parse(response), response, headers, message, innerException)
        {
        }

        private VoucherifyApiException(int statusCode, ApiErrorBody error, string? body, IReadOnlyDictionary<string, IEnumerable<string>>? headers, string? context, Exception? innerException)
            : base(ApiErrorBody.Describe(statusCode, error, body, context) + RedirectNote(statusCode, headers), innerException)
        {
            StatusCode = statusCode;
            Code = error.Code;
            Key = error.Key;
            ApiMessage = error.Message;
            Details = error.Details;
            RequestId = error.RequestId;
            ResourceId = error.ResourceId;
            ResourceType = error.ResourceType;
            ValidationMessage = error.ValidationMessage;
            ResponseBody = body;
            Headers = headers ?? new Dictionary<string, IEnumerable<string>>();
            RateLimit = RateLimitInfo.FromHeaders(Headers, DateTimeOffset.UtcNow);
        }

        /// <summary>The HTTP status of the response, e.g. 404.</summary>
        public int StatusCode { get; }

        /// <summary>The <c>code</c> (or the 413 body's <c>statusCode</c>) the API put in the body; normally equal to <see cref="StatusCode"/>.</summary>
        public int? Code { get; }

        /// <summary>The machine-readable reason, e.g. <c>not_found</c> or <c>invalid_payload</c>; null when the body had none.</summary>
        public string? Key { get; }

        /// <summary>The API's short message, e.g. <c>Resource not found</c>. <see cref="Exception.Message"/> combines it with the other details.</summary>
        public string? ApiMessage { get; }

        /// <summary>The API's longer explanation, often a hint on how to fix the request.</summary>
        public string? Details { get; }

        /// <summary>The API's id for the failed request (<c>v-…</c>); quote it when contacting Voucherify support.</summary>
        public string? RequestId { get; }

        /// <summary>The id of the resource the error is about, when the API names one.</summary>
        public string? ResourceId { get; }

        /// <summary>The type of the resource the error is about, e.g. <c>customer</c>.</summary>
        public string? ResourceType { get; }

        /// <summary>The message of a validation rule that rejected the request (<c>error.message</c>), if any.</summary>
        public string? ValidationMessage { get; }

        /// <summary>The response body as received (at most 64 KB of it), for logging and diagnosis.</summary>
        public string? ResponseBody { get; }

        /// <summary>The response headers, including <c>X-Rate-Limit-*</c> and <c>Retry-After</c> when sent.</summary>
        public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

        /// <summary>
        /// The rate-limit headers of the response (<c>X-Rate-Limit-Limit</c>, <c>-Remaining</c>, <c>-Retry</c>, <c>-Type</c>,
        /// <c>Retry-After</c>); null when it had none. On a 429 that was not retried, <see cref="RateLimitInfo.RetryAt"/> or
        /// <see cref="RateLimitInfo.RetryAfter"/> says when to try again.
        /// </summary>
        public RateLimitInfo? RateLimit { get; }

        /// <summary>
        /// A 2xx whose body could not be read. The parser's message may quote a value of the body, so when that value is an
        /// echo of the secret key the parser's exception is replaced by one with the key masked.
        /// </summary>
        internal static VoucherifyApiException UnreadableSuccess(HttpResponseMessage response, SecretRedactor redactor, string message, Exception? innerException)
        {
            var redacted = redactor.Redact(innerException?.Message);
            if (innerException != null && redacted != innerException.Message)
                innerException = new Newtonsoft.Json.JsonSerializationException(redacted!);
            return new VoucherifyApiException((int)response.StatusCode, new ApiErrorBody(), string.Empty, HeadersOf(response, redactor), message, innerException);
        }

        /// <summary>For a 3xx: where it pointed, and why the client did not follow it.</summary>
        private static string RedirectNote(int statusCode, IReadOnlyDictionary<string, IEnumerable<string>>? headers)
        {
            if (statusCode < 300 || statusCode > 399) return string.Empty;
            var location = headers != null && headers.TryGetValue("Location", out var values) ? values.FirstOrDefault() : null;
            return $" The server redirected to {location ?? "(no Location header)"}; the client never follows a redirect, since the API key would travel with it. Check VoucherifyClientOptions.BaseUri.";
        }

        /// <summary>
        /// Reads an error response (body included) into an exception, with the secret key masked wherever the server
        /// echoed it (body and header values), so no member of the exception carries it.
        /// </summary>
        internal static async Task<VoucherifyApiException> FromResponseAsync(HttpResponseMessage response, SecretRedactor redactor, CancellationToken cancellationToken)
        {
            // Content is never null on .NET 5+, but a custom handler on .NET Framework / netstandard2.0 may leave it unset.
            var content = response.Content;
            var headers = HeadersOf(response, redactor);
            var body = content is null ? null : redactor.Redact(await ReadBoundedAsync(content, cancellationToken).ConfigureAwait(false));
            return new VoucherifyApiException((int)response.StatusCode, ApiErrorBody.Parse(body), body, headers, context: null, innerException: null);
        }

        private static Dictionary<string, IEnumerable<string>> HeadersOf(HttpResponseMessage response, SecretRedactor redactor)
        {
            var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in response.Headers) headers[header.Key] = Values(header.Value, redactor);
            if (response.Content != null)
                foreach (var header in response.Content.Headers) headers[header.Key] = Values(header.Value, redactor);
            return headers;
        }

        private static string[] Values(IEnumerable<string> values, SecretRedactor redactor) =>
            values.Select(value => redactor.Redact(value)!).ToArray();

        private static async Task<string?> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
        {
#if NET5_0_OR_GREATER
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            using (stream)
            using (var reader = new System.IO.StreamReader(stream, Encoding.UTF8))
            {
                var text = new StringBuilder();
                var buffer = new char[4096];
                int read;
                while (text.Length < MaxBodyLength && (read = await reader.ReadAsync(buffer, 0, Math.Min(buffer.Length, MaxBodyLength - text.Length)).ConfigureAwait(false)) > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    text.Append(buffer, 0, read);
                }
                return text.Length == 0 ? null : text.ToString();
            }
        }
    }
}
