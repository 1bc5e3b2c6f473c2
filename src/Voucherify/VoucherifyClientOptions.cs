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
            if (string.IsNullOrWhiteSpace(ApplicationId))
                throw new ArgumentException("VoucherifyClientOptions.ApplicationId is required (the X-App-Id of your API key pair).", nameof(ApplicationId));
            if (string.IsNullOrWhiteSpace(SecretKey))
                throw new ArgumentException("VoucherifyClientOptions.SecretKey is required (the X-App-Token of your API key pair).", nameof(SecretKey));
            ValidateHeaderValue(ApplicationId, nameof(ApplicationId));
            ValidateHeaderValue(SecretKey, nameof(SecretKey));
            if (BaseUri is null || !BaseUri.IsAbsoluteUri)
                throw new ArgumentException("VoucherifyClientOptions.BaseUri must be an absolute URI such as https://api.voucherify.io.", nameof(BaseUri));
            if (BaseUri.Scheme != Uri.UriSchemeHttps && !(BaseUri.Scheme == Uri.UriSchemeHttp && BaseUri.IsLoopback))
                throw new ArgumentException(
                    $"VoucherifyClientOptions.BaseUri must use https (got {BaseUri.Scheme}://{BaseUri.Host}); plain http is accepted only for loopback hosts, so credentials are never sent in clear text.",
                    nameof(BaseUri));
            if (!string.IsNullOrEmpty(BaseUri.Query) || !string.IsNullOrEmpty(BaseUri.Fragment))
                throw new ArgumentException("VoucherifyClientOptions.BaseUri must not carry a query or fragment.", nameof(BaseUri));
            if (Retry is null) throw new ArgumentException("VoucherifyClientOptions.Retry must not be null; use new RetryOptions { MaxAttempts = 1 } to turn retries off.", nameof(Retry));
            Retry.Validate();
            if (TimeProvider is null) throw new ArgumentException("VoucherifyClientOptions.TimeProvider must not be null; the default is TimeProvider.System.", nameof(TimeProvider));
            ValidateTimeout(AttemptTimeout, nameof(AttemptTimeout));
            ValidateTimeout(CallTimeout, nameof(CallTimeout));
            // A body is staged whole in memory before it is read (error bodies are read as one string): keep it under 2 GB.
            if (MaxResponseBytes <= 0 || MaxResponseBytes > int.MaxValue)
                throw new ArgumentOutOfRangeException(nameof(MaxResponseBytes), MaxResponseBytes, "VoucherifyClientOptions.MaxResponseBytes must be between 1 and 2147483647 (int.MaxValue).");
        }

        /// <summary>
        /// The credentials go out as header values: a CR or LF would end the header and start another one (header
        /// injection), and non-ASCII has no agreed encoding on the wire. The message names the position, never the value.
        /// </summary>
        private static void ValidateHeaderValue(string value, string name)
        {
            for (var i = 0; i < value.Length; i++)
            {
                if (value[i] < ' ' || value[i] > '~')
                    throw new ArgumentException(
                        $"VoucherifyClientOptions.{name} contains a control or non-ASCII character at position {i}; it must be printable ASCII, as in the Voucherify dashboard.",
                        name);
            }
        }

        private static void ValidateTimeout(TimeSpan value, string name)
        {
            if (value <= TimeSpan.Zero && value != System.Threading.Timeout.InfiniteTimeSpan)
                throw new ArgumentOutOfRangeException(name, value, $"VoucherifyClientOptions.{name} must be positive, or Timeout.InfiniteTimeSpan.");
        }

        /// <summary>The base address as the generated clients expect it: absolute, ending in <c>/</c>.</summary>
        internal string BaseUrlWithTrailingSlash()
        {
            var url = BaseUri.AbsoluteUri;
            return url.EndsWith("/", StringComparison.Ordinal) ? url : url + "/";
        }
    }
}
