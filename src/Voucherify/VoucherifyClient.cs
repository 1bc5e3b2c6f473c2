using System;
using System.Net.Http;
using Voucherify.Http;

namespace Voucherify
{
    /// <summary>
    /// Entry point of the Voucherify Customers API client: <see cref="Customers"/> and <see cref="AsyncActions"/>
    /// share one HTTP pipeline (authentication headers and the other transport handlers).
    /// </summary>
    /// <remarks>
    /// Create one instance per application (or per API key pair) and reuse it: it is thread-safe and keeps its
    /// connections pooled. Disposing it releases only what it created itself.
    /// </remarks>
    public sealed class VoucherifyClient : IVoucherifyClient
    {
        private readonly HttpClient _httpClient;
        private readonly RateLimitTracker _rateLimits = new RateLimitTracker();

        /// <summary>Creates a client with its own connection pool.</summary>
        /// <remarks>
        /// The pool asks for compressed answers and never follows a redirect: a 3xx answer becomes a
        /// <see cref="VoucherifyApiException"/> naming its <c>Location</c>, so the API key is never sent anywhere but
        /// <see cref="VoucherifyClientOptions.BaseUri"/>.
        /// </remarks>
        /// <param name="options">Credentials and region; validated at once.</param>
        /// <exception cref="ArgumentException">The options are incomplete, or the base URI is not https.</exception>
        public VoucherifyClient(VoucherifyClientOptions options)
            : this(options, DefaultTransport.Create(), disposeTransport: true)
        {
        }

        /// <summary>
        /// Creates a client whose requests go through <paramref name="transport"/> (a handler of your own, a test double,
        /// or one from <c>IHttpMessageHandlerFactory</c>). The library's handlers run above it. The transport is not disposed.
        /// </summary>
        /// <remarks>
        /// The transport must not follow redirects: a redirect would carry <c>X-App-Id</c> and <c>X-App-Token</c> to the
        /// address it points to, because .NET removes only the <c>Authorization</c> header when following one. A
        /// <see cref="HttpClientHandler"/> or <c>SocketsHttpHandler</c> with <c>AllowAutoRedirect = true</c> (their default),
        /// as the transport or below it in a chain of <see cref="DelegatingHandler"/>s, is refused rather than changed,
        /// because it is yours and may serve other clients: set <c>AllowAutoRedirect = false</c>. A 3xx answer then becomes a
        /// <see cref="VoucherifyApiException"/> naming the <c>Location</c>. Any other handler that follows a redirect to another
        /// origin gets a <see cref="VoucherifyRedirectException"/> instead of the other host's answer.
        /// </remarks>
        /// <param name="options">Credentials and region; validated at once.</param>
        /// <param name="transport">The handler that sends the requests; it must not follow redirects.</param>
        /// <exception cref="ArgumentException">A handler in <paramref name="transport"/> has <c>AllowAutoRedirect</c> set.</exception>
        public VoucherifyClient(VoucherifyClientOptions options, HttpMessageHandler transport)
            : this(options, AutoRedirectCheck.Ensure(transport ?? throw new ArgumentNullException(nameof(transport)), nameof(transport)), disposeTransport: false)
        {
        }

        /// <summary>
        /// Creates a client that sends its requests through a caller-owned <see cref="HttpClient"/>, so its default headers,
        /// proxy and handlers apply. The library's handlers run above it; the <see cref="HttpClient"/> is never disposed.
        /// </summary>
        /// <remarks>
        /// Its handler must not follow redirects (<c>AllowAutoRedirect = false</c>): a redirect would carry <c>X-App-Id</c>
        /// and <c>X-App-Token</c> to the address it points to, because .NET removes only the <c>Authorization</c> header when
        /// following one. The library cannot see an <see cref="HttpClient"/>'s handler, so it cannot prevent that; it does
        /// fail closed: an answer from another origin than <see cref="VoucherifyClientOptions.BaseUri"/> throws
        /// <see cref="VoucherifyRedirectException"/> and is never returned as the API's answer.
        /// </remarks>
        /// <param name="httpClient">The client to send through; its <see cref="HttpClient.BaseAddress"/> is not used, and its handler must not follow redirects.</param>
        /// <param name="options">Credentials and region; validated at once.</param>
        public VoucherifyClient(HttpClient httpClient, VoucherifyClientOptions options)
            : this(options, new HttpClientTransport(httpClient ?? throw new ArgumentNullException(nameof(httpClient))), disposeTransport: true)
        {
        }

        private VoucherifyClient(VoucherifyClientOptions options, HttpMessageHandler transport, bool disposeTransport)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            options.Validate();
            Options = options;
            _httpClient = new HttpClient(VoucherifyHttpPipeline.Create(options, transport, disposeTransport, _rateLimits), disposeHandler: true)
            {
                // The pipeline's handlers own both timeouts (per attempt and per call) and report them as VoucherifyTimeoutException.
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            };
            Customers = new CustomersClient(options, _httpClient);
            AsyncActions = new AsyncActionsClient(options, _httpClient);
        }

        /// <summary>The options this client was created with.</summary>
        public VoucherifyClientOptions Options { get; }

        /// <summary>Customers: create, get, update, delete, list, activity, redeemables, segments, CSV import and bulk updates.</summary>
        public CustomersClient Customers { get; }

        /// <summary>Status of the server-side jobs started by imports and bulk updates, and waiting for them to finish.</summary>
        public AsyncActionsClient AsyncActions { get; }

        /// <summary>
        /// The rate-limit state from the most recent response that carried <c>X-Rate-Limit-*</c> or <c>Retry-After</c> headers
        /// (any call of this client, any thread); null until one arrives. Use <see cref="RateLimitInfo.Remaining"/> and
        /// <see cref="RateLimitInfo.RetryAt"/> to pace bulk work.
        /// </summary>
        public RateLimitInfo? RateLimit => _rateLimits.Latest;

        ICustomersClient IVoucherifyClient.Customers => Customers;

        IAsyncActionsClient IVoucherifyClient.AsyncActions => AsyncActions;

        /// <inheritdoc />
        public void Dispose() => _httpClient.Dispose();
    }
}
