using System;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Voucherify.Extensions.DependencyInjection
{
    /// <summary>Registers the Voucherify client in a service collection.</summary>
    public static class VoucherifyServiceCollectionExtensions
    {
        /// <summary>The name of the <c>IHttpClientFactory</c> client whose handlers carry Voucherify's requests.</summary>
        public const string HttpClientName = "Voucherify";

        /// <summary>The logger category of the per-request events, for filtering (<c>"Logging:LogLevel:Voucherify.Http": "Warning"</c>).</summary>
        public const string LoggerCategory = "Voucherify.Http";

        /// <summary>
        /// Registers <see cref="VoucherifyClient"/> (also as <see cref="IVoucherifyClient"/>) and its
        /// <see cref="ICustomersClient"/> and <see cref="IAsyncActionsClient"/>, with options bound from
        /// <paramref name="configuration"/> (keys <c>ApplicationId</c>, <c>SecretKey</c>, <c>BaseUri</c>).
        /// </summary>
        /// <param name="services">The service collection.</param>
        /// <param name="configuration">The configuration section holding the options, e.g. <c>configuration.GetSection("Voucherify")</c>.</param>
        /// <returns>
        /// The HTTP client builder: add your own handlers (<c>AddHttpMessageHandler</c>) or change the primary handler through
        /// it. The default primary handler never follows redirects; one you configure must set <c>AllowAutoRedirect = false</c>
        /// (a redirect would carry <c>X-App-Id</c> and <c>X-App-Token</c> to another host), or resolving the client throws
        /// <see cref="ArgumentException"/>.
        /// </returns>
        public static IHttpClientBuilder AddVoucherify(this IServiceCollection services, IConfiguration configuration)
        {
            if (services is null) throw new ArgumentNullException(nameof(services));
            if (configuration is null) throw new ArgumentNullException(nameof(configuration));
            services.AddOptions<VoucherifyClientOptions>().Bind(configuration);
            return AddClient(services);
        }

        /// <summary>
        /// Registers <see cref="VoucherifyClient"/> (also as <see cref="IVoucherifyClient"/>) and its
        /// <see cref="ICustomersClient"/> and <see cref="IAsyncActionsClient"/>, with options set in code.
        /// </summary>
        /// <param name="services">The service collection.</param>
        /// <param name="configure">Sets the credentials and region.</param>
        /// <returns>
        /// The HTTP client builder: add your own handlers (<c>AddHttpMessageHandler</c>) or change the primary handler through
        /// it. The default primary handler never follows redirects; one you configure must set <c>AllowAutoRedirect = false</c>
        /// (a redirect would carry <c>X-App-Id</c> and <c>X-App-Token</c> to another host), or resolving the client throws
        /// <see cref="ArgumentException"/>.
        /// </returns>
        public static IHttpClientBuilder AddVoucherify(this IServiceCollection services, Action<VoucherifyClientOptions> configure)
        {
            if (services is null) throw new ArgumentNullException(nameof(services));
            if (configure is null) throw new ArgumentNullException(nameof(configure));
            services.AddOptions<VoucherifyClientOptions>().Configure(configure);
            return AddClient(services);
        }

        private static IHttpClientBuilder AddClient(IServiceCollection services)
        {
            // One client for the application: it is thread-safe, and the handler chain it takes from the factory below
            // is built once and kept (its lifetime is therefore infinite, and connections are recycled by the primary
            // handler instead). The library's own handlers (telemetry, timeouts, retries, signing) run above that chain.
            services.TryAddSingleton(provider => new VoucherifyClient(
                provider.GetRequiredService<IOptions<VoucherifyClientOptions>>().Value,
                provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(HttpClientName)));
            services.TryAddSingleton<IVoucherifyClient>(provider => provider.GetRequiredService<VoucherifyClient>());
            services.TryAddSingleton(provider => provider.GetRequiredService<VoucherifyClient>().Customers);
            services.TryAddSingleton<ICustomersClient>(provider => provider.GetRequiredService<VoucherifyClient>().Customers);
            services.TryAddSingleton(provider => provider.GetRequiredService<VoucherifyClient>().AsyncActions);
            services.TryAddSingleton<IAsyncActionsClient>(provider => provider.GetRequiredService<VoucherifyClient>().AsyncActions);

            Registrations(services).Add(HttpClientName, Options.DefaultName);
            // The send guard and the redacted request log go below every handler the application adds (see the filter).
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, BottomOfChainFilter>());
            var builder = services.AddHttpClient(HttpClientName)
                // The factory's own request logging writes full URLs, query strings with e-mail addresses included;
                // the library's handler logs the same events redacted.
                .RemoveAllLoggers()
                .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
            // The chain is kept for the application's lifetime: the primary handler recycles connections so DNS changes
            // are seen, and never follows a redirect (it would carry the API key to another host).
            builder.ConfigurePrimaryHttpMessageHandler(Voucherify.Http.DefaultTransport.Create);
            return builder;
        }

        /// <summary>The collection's one <see cref="VoucherifyRegistrations"/>, registered on first use.</summary>
        private static VoucherifyRegistrations Registrations(IServiceCollection services)
        {
            foreach (var descriptor in services)
                if (descriptor.ServiceType == typeof(VoucherifyRegistrations) && descriptor.ImplementationInstance is VoucherifyRegistrations found)
                    return found;
            var registrations = new VoucherifyRegistrations();
            services.AddSingleton(registrations);
            return registrations;
        }
    }
}
