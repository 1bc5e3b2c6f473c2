using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Voucherify.Http;

namespace Voucherify.Extensions.DependencyInjection
{
    /// <summary>
    /// Writes one log event per request attempt: method, route template, query with personal values redacted, status,
    /// duration, attempt number and the API's request id. Headers (and so the secret key) are never logged; bodies only
    /// when <see cref="VoucherifyLoggingOptions.LogBodies"/> is set.
    /// </summary>
    /// <remarks>
    /// It runs at the bottom of the <c>IHttpClientFactory</c> chain, below the library's handlers and below any the
    /// application added (a resilience pipeline among them), so every request that goes out is its own event. Its number
    /// is the count of <see cref="SendGuardHandler"/> just above, which counts every send of the call, whoever made it;
    /// without that count (a request the library did not build) it is counted on the request message.
    /// </remarks>
    internal sealed class VoucherifyLoggingHandler : DelegatingHandler
    {
        internal static readonly EventId RequestCompleted = new EventId(1, "VoucherifyRequestCompleted");
        internal static readonly EventId RequestFailed = new EventId(2, "VoucherifyRequestFailed");
        internal static readonly EventId RequestBody = new EventId(3, "VoucherifyRequestBody");
        internal static readonly EventId ResponseBody = new EventId(4, "VoucherifyResponseBody");

        /// <summary>Responses up to this declared size are buffered to log their body (when bodies are logged at all).</summary>
        private const int MaxLoggedResponseBytes = 1024 * 1024;

        /// <summary>Error bodies are read for their request id only up to this size (a proxy may send a whole page).</summary>
        private const int MaxErrorBodyBytes = 64 * 1024;

        private const string AttemptKey = "Voucherify.LoggingAttempt";
        private const string Redacted = "***";

        /// <summary>Query parameters whose values are neither personal nor secret; every other value is redacted.</summary>
        private static readonly HashSet<string> SafeQueryParameters = new HashSet<string>(StringComparer.Ordinal)
        {
            "limit", "page", "order", "starting_after", "starting_after_id", "segment_id",
            "created_at[before]", "created_at[after]", "updated_at[before]", "updated_at[after]",
            "start_date", "end_date", "campaign_id", "campaign_type", "category", "type",
        };

        private readonly ILogger _logger;
        private readonly VoucherifyLoggingOptions _options;
        private readonly SecretRedactor _redactor;

        /// <param name="logger">Where the events go.</param>
        /// <param name="options">Whether bodies are logged.</param>
        /// <param name="clientOptions">The client's options, for the secret key: masked wherever the server echoes it.</param>
        public VoucherifyLoggingHandler(ILogger logger, VoucherifyLoggingOptions options, VoucherifyClientOptions clientOptions)
        {
            _logger = logger;
            _options = options;
            _redactor = new SecretRedactor(clientOptions.SecretKey);
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var sends = RequestState.GetSends(request);
            var attempt = sends > 0 ? sends : NextAttempt(request);
            var logBodies = _options.LogBodies && _logger.IsEnabled(LogLevel.Debug);
            // Only content already in memory: reading a streamed upload here would consume it.
            if (logBodies && request.Content is ByteArrayContent)
                LogBody(RequestBody, request, "request", await request.Content.ReadAsStringAsync().ConfigureAwait(false));
            var started = Stopwatch.GetTimestamp();
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (_logger.IsEnabled(LogLevel.Warning))
            {
                Log(LogLevel.Warning, RequestFailed, exception, request, statusCode: null, started, attempt, requestId: null);
                throw;
            }

            if (logBodies && response.Content != null)
            {
                // A sized body up to 1 MB is buffered whole; a chunked one (no length) only as far as the log shows it.
                var bytes = response.Content.Headers.ContentLength.HasValue ? MaxLoggedResponseBytes : PrefixBytes(_options.MaxBodyLength);
                var (body, complete) = await ErrorBodyReader.ReadPrefixAsync(response, bytes, cancellationToken).ConfigureAwait(false);
                if (!string.IsNullOrEmpty(body) || complete) LogBody(ResponseBody, request, "response", body ?? string.Empty, complete);
            }

            var level = response.IsSuccessStatusCode ? LogLevel.Information : LogLevel.Warning;
            if (_logger.IsEnabled(level))
            {
                var requestId = response.IsSuccessStatusCode ? null : await ReadErrorRequestIdAsync(response, cancellationToken).ConfigureAwait(false);
                Log(level, RequestCompleted, null, request, (int)response.StatusCode, started, attempt, requestId);
            }
            return response;
        }

        private void Log(LogLevel level, EventId eventId, Exception? exception, HttpRequestMessage request, int? statusCode, long started, int attempt, string? requestId)
        {
            var elapsedMs = Math.Round((Stopwatch.GetTimestamp() - started) * 1000.0 / Stopwatch.Frequency, 1);
            var state = new RequestLogState(request.Method.Method, OperationName.Route(request), RedactQuery(request.RequestUri), statusCode, elapsedMs, attempt, requestId);
            _logger.Log(level, eventId, state, exception, (s, _) => s.ToString());
        }

        /// <summary>
        /// Bytes enough for <paramref name="maxChars"/> characters of UTF-8 (at most 3 bytes each), plus a margin so that a
        /// secret echoed across the cut is still whole, and so redacted, in what was read.
        /// </summary>
        private static int PrefixBytes(int maxChars) => (int)Math.Min(MaxLoggedResponseBytes, Math.Max(0L, maxChars) * 3L + 1024);

        /// <summary>Writes a body event, redacted and cut to <see cref="VoucherifyLoggingOptions.MaxBodyLength"/>.</summary>
        /// <param name="eventId">Request or response body.</param>
        /// <param name="request">The request the body belongs to.</param>
        /// <param name="direction">"request" or "response".</param>
        /// <param name="body">The body, or its start.</param>
        /// <param name="complete">False when <paramref name="body"/> is only the start of a longer body.</param>
        private void LogBody(EventId eventId, HttpRequestMessage request, string direction, string body, bool complete = true)
        {
            body = _redactor.Redact(body)!;
            var cut = body.Substring(0, Math.Min(body.Length, Math.Max(0, _options.MaxBodyLength)));
            var shown = complete && body.Length <= _options.MaxBodyLength ? body : cut + (complete ? $"… ({body.Length} characters)" : "… (longer, not read further)");
            _logger.Log(LogLevel.Debug, eventId, "Voucherify {Method} {Route} {Direction} body: {Body}", request.Method.Method, OperationName.Route(request), direction, shown);
        }

        private static int NextAttempt(HttpRequestMessage request)
        {
#if NET5_0_OR_GREATER
            var key = new HttpRequestOptionsKey<int>(AttemptKey);
            request.Options.TryGetValue(key, out var previous);
            request.Options.Set(key, previous + 1);
            return previous + 1;
#else
            var previous = request.Properties.TryGetValue(AttemptKey, out var value) && value is int count ? count : 0;
            request.Properties[AttemptKey] = previous + 1;
            return previous + 1;
#endif
        }

        /// <summary>The query with every value not known to be harmless replaced by <c>***</c> (e-mail, name, phone, city…).</summary>
        internal static string RedactQuery(Uri? requestUri)
        {
            var query = requestUri?.Query;
            if (string.IsNullOrEmpty(query) || query == "?") return string.Empty;
            var redacted = new StringBuilder("?");
            foreach (var pair in query!.Substring(1).Split('&'))
            {
                if (pair.Length == 0) continue;
                if (redacted.Length > 1) redacted.Append('&');
                var equals = pair.IndexOf('=');
                var rawName = equals < 0 ? pair : pair.Substring(0, equals);
                var name = Uri.UnescapeDataString(rawName);
                redacted.Append(rawName);
                if (equals >= 0) redacted.Append('=').Append(SafeQueryParameters.Contains(name) ? pair.Substring(equals + 1) : Redacted);
            }
            return redacted.ToString();
        }

        /// <summary>
        /// The API puts its request id (<c>v-…</c>) in error bodies; a small body, sized or chunked, is buffered (the
        /// client reads it again) to get it.
        /// </summary>
        private async Task<string?> ReadErrorRequestIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            try
            {
                var body = await ErrorBodyReader.ReadSmallBodyAsync(response, MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
                if (body is null) return null;
                // The same tolerant parser as VoucherifyApiException, so the log and the exception agree on the request id.
                return _redactor.Redact(ApiErrorBody.Parse(body).RequestId);
            }
            catch (Exception exception) when (exception is HttpRequestException || exception is InvalidOperationException)
            {
                return null;
            }
        }

        /// <summary>Structured state: each value is its own property for structured sinks, and the message reads as a line.</summary>
        private sealed class RequestLogState : IReadOnlyList<KeyValuePair<string, object?>>
        {
            private const string Format = "Voucherify {Method} {Route}{Query} -> {StatusCode} in {ElapsedMs} ms (attempt {Attempt}, request id {RequestId})";
            private readonly KeyValuePair<string, object?>[] _values;

            public RequestLogState(string method, string route, string query, int? statusCode, double elapsedMs, int attempt, string? requestId)
            {
                _values = new[]
                {
                    new KeyValuePair<string, object?>("Method", method),
                    new KeyValuePair<string, object?>("Route", route),
                    new KeyValuePair<string, object?>("Query", query),
                    new KeyValuePair<string, object?>("StatusCode", statusCode),
                    new KeyValuePair<string, object?>("ElapsedMs", elapsedMs),
                    new KeyValuePair<string, object?>("Attempt", attempt),
                    new KeyValuePair<string, object?>("RequestId", requestId),
                    new KeyValuePair<string, object?>("{OriginalFormat}", Format),
                };
            }

            public int Count => _values.Length;

            public KeyValuePair<string, object?> this[int index] => _values[index];

            public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

            IEnumerator IEnumerable.GetEnumerator() => _values.GetEnumerator();

            public override string ToString() => string.Format(CultureInfo.InvariantCulture,
                "Voucherify {0} {1}{2} -> {3} in {4} ms (attempt {5}, request id {6})",
                _values[0].Value, _values[1].Value, _values[2].Value, _values[3].Value ?? "no response", _values[4].Value, _values[5].Value, _values[6].Value ?? "none");
        }
    }
}
