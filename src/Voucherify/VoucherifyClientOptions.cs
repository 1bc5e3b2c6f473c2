using System;

namespace Voucherify
{
    /// <summary>
    /// Settings for <see cref="VoucherifyClient"/>: the project's API key pair and the region to call.
    /// </summary>
    /// <remarks>
    /// <see cref="ToString"/> never prints <see cref="SecretKey"/>, so an options object can be logged safely.
    /// </remarks>
    public sealed class VoucherifyClientOptions
    {
        /// <summary>The application id of the project's API key pair, sent as <c>X-App-Id</c>.</summary>
        public string ApplicationId { get; set; } = string.Empty;

        /// <summary>The secret key of the project's API key pair, sent as <c>X-App-Token</c>. Treat it like a password.</summary>
        public string SecretKey { get; set; } = string.Empty;

        /// <summary>
        /// The API's root address; defaults to <see cref="VoucherifyRegion.Europe"/>. A path (for example a proxy prefix)
        /// is kept: requests go to <c>{BaseUri}/v1/…</c>. Only <c>https</c> is accepted, except for loopback hosts.
        /// </summary>
        public Uri BaseUri { get; set; } = VoucherifyRegion.Europe;

        /// <summary>When and how failed requests are repeated; see <see cref="RetryOptions"/>. Never null.</summary>
        public RetryOptions Retry { get; set; } = new RetryOptions();

        /// <summary>
        /// How long one attempt may take, from sending the request to the last byte of the response. An attempt that runs
        /// longer is abandoned and, when the request is safe to repeat, retried. Default 30 seconds;
        /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> turns it off. Raise it for large CSV uploads.
        /// </summary>
        public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// How long one call may take in total, all attempts and the waits between them included. When it runs out the call
        /// throws <see cref="VoucherifyTimeoutException"/>. Default 2 minutes; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>
        /// turns it off. It does not cover <see cref="AsyncActionsClient.WaitForCompletionAsync"/> as a whole (see
        /// <see cref="AsyncActionWaitOptions.Timeout"/>), only each poll.
        /// </summary>
        public TimeSpan CallTimeout { get; set; } = TimeSpan.FromMinutes(2);

        /// <summary>
        /// The largest response body the client reads, in bytes, counted after decompression. A larger body (or a declared
        /// <c>Content-Length</c> over it) ends the call at once with <see cref="VoucherifyResponseTooLargeException"/>, without
        /// retrying, so a misbehaving proxy or a hostile endpoint cannot exhaust the process's memory. Default 16 MiB
        /// (16 777 216 bytes): the largest legitimate answers, a page of 100 customers with full
        /// summaries, loyalty and referrals or of 100 activities, are well under 1 MiB, so it leaves a wide margin for large
        /// metadata.
        /// </summary>
        public long MaxResponseBytes { get; set; } = 16 * 1024 * 1024;

        /// <summary>
        /// The clock behind every wait and timeout of the client: retry backoff and server-requested waits, the attempt and
        /// call timeouts, and the polling schedule and timeout of <see cref="AsyncActionsClient.WaitForCompletionAsync"/>.
        /// Default <see cref="System.TimeProvider.System"/>. Tests set a fake clock (for example <c>FakeTimeProvider</c> from
        /// Microsoft.Extensions.TimeProvider.Testing) to decide when a wait ends instead of sleeping through it.
        /// </summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

        /// <summary>Describes the options without the secret key.</summary>
        public override string ToString() =>
            $"VoucherifyClientOptions {{ ApplicationId = {ApplicationId}, SecretKey = {(string.IsNullOrEmpty(SecretKey) ? "(not set)" : "***")}, BaseUri = {BaseUri} }}";

        /// <summary>Throws when the options cannot produce a working, safe client.</summary>
        internal void Validate()
        {
            if (FindProblem() is { } problem) throw problem.ToException();
        }

        /// <summary>The first thing that keeps the options from producing a working, safe client; null when there is none.</summary>
        internal OptionsProblem? FindProblem()
        {
            if (string.IsNullOrWhiteSpace(ApplicationId))
                return OptionsProblem.Invalid(nameof(ApplicationId), "is required (the X-App-Id of your API key pair).");
            if (string.IsNullOrWhiteSpace(SecretKey))
                return OptionsProblem.Invalid(nameof(SecretKey), "is required (the X-App-Token of your API key pair).");
            var header = HeaderValueProblem(ApplicationId, nameof(ApplicationId)) ?? HeaderValueProblem(SecretKey, nameof(SecretKey));
            if (header != null) return header;
            if (BaseUri is null || !BaseUri.IsAbsoluteUri)
                return OptionsProblem.Invalid(nameof(BaseUri), "must be an absolute URI such as https://api.voucherify.io.");
            if (BaseUri.Scheme != Uri.UriSchemeHttps && !(BaseUri.Scheme == Uri.UriSchemeHttp && BaseUri.IsLoopback))
                return OptionsProblem.Invalid(nameof(BaseUri),
                    $"must use https (got {BaseUri.Scheme}://{BaseUri.Host}); plain http is accepted only for loopback hosts, so credentials are never sent in clear text.");
            if (!string.IsNullOrEmpty(BaseUri.Query) || !string.IsNullOrEmpty(BaseUri.Fragment))
                return OptionsProblem.Invalid(nameof(BaseUri), "must not carry a query or fragment.");
            if (Retry is null) return OptionsProblem.Invalid(nameof(Retry), "must not be null; use new RetryOptions { MaxAttempts = 1 } to turn retries off.");
            if (TimeProvider is null) return OptionsProblem.Invalid(nameof(TimeProvider), "must not be null; the default is TimeProvider.System.");
            return OptionsProblem.InRetry(Retry.FindProblem())
                ?? TimeoutProblem(AttemptTimeout, nameof(AttemptTimeout))
                ?? TimeoutProblem(CallTimeout, nameof(CallTimeout))
                // A body is staged whole in memory before it is read (error bodies are read as one string): keep it under 2 GB.
                ?? (MaxResponseBytes <= 0 || MaxResponseBytes > int.MaxValue
                    ? OptionsProblem.OutOfRange(nameof(MaxResponseBytes), MaxResponseBytes, "must be between 1 and 2147483647 (int.MaxValue).")
                    : null);
        }

        /// <summary>
        /// The credentials go out as header values: a CR or LF would end the header and start another one (header
        /// injection), and non-ASCII has no agreed encoding on the wire. A space is refused too: ids and keys from the
        /// dashboard never have one, while a placeholder left in a configuration file ("set VOUCHERIFY__SECRETKEY") does,
        /// and would otherwise be sent as a credential. The message names the position, never the value.
        /// </summary>
        private static OptionsProblem? HeaderValueProblem(string value, string name)
        {
            for (var i = 0; i < value.Length; i++)
            {
                if (value[i] == ' ')
                    return OptionsProblem.Invalid(name,
                        $"contains a space at position {i}: it looks like a placeholder, not a value from the Voucherify dashboard (whose ids and keys have no spaces).");
                if (value[i] < ' ' || value[i] > '~')
                    return OptionsProblem.Invalid(name,
                        $"contains a control or non-ASCII character at position {i}; it must be printable ASCII, as in the Voucherify dashboard.");
            }
            return null;
        }

        private static OptionsProblem? TimeoutProblem(TimeSpan value, string name) =>
            value <= TimeSpan.Zero && value != System.Threading.Timeout.InfiniteTimeSpan
                ? OptionsProblem.OutOfRange(name, value, "must be positive, or Timeout.InfiniteTimeSpan.")
                : null;

        /// <summary>The base address as the generated clients expect it: absolute, ending in <c>/</c>.</summary>
        internal string BaseUrlWithTrailingSlash()
        {
            var url = BaseUri.AbsoluteUri;
            return url.EndsWith("/", StringComparison.Ordinal) ? url : url + "/";
        }
    }
}
