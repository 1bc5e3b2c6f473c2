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
        /// <summary>
        /// The name of the <c>IHttpClientFactory</c> client whose handlers carry the requests of the client registered
        /// without a name; a named client's is <c>Voucherify:{name}</c>.
        /// </summary>
        public const string HttpClientName = "Voucherify";

        /// <summary>The logger category of the per-request events, for filtering (<c>"Logging:LogLevel:Voucherify.Http": "Warning"</c>).</summary>
        public const string LoggerCategory = "Voucherify.Http";

        /// <summary>
        /// Registers <see cref="VoucherifyClient"/> (also as <see cref="IVoucherifyClient"/>) and its
        /// <see cref="ICustomersClient"/> and <see cref="IAsyncActionsClient"/>, with options bound from
        /// <paramref name="configuration"/> (keys <c>ApplicationId</c>, <c>SecretKey</c>, <c>BaseUri</c>) and validated
        /// when the host starts (an <c>OptionsValidationException</c> naming the key, e.g. <c>Voucherify:SecretKey is required</c>).
        /// </summary>
        /// <param name="services">The service collection.</param>
        /// <param name="configuration">The configuration section holding the options, e.g. <c>configuration.GetSection("Voucherify")</c>.</param>
        /// <returns>
        /// The HTTP client builder: add your own handlers (<c>AddHttpMessageHandler</c>, a resilience pipeline) or change the
        /// primary handler through it. The default primary handler never follows redirects; one you configure must set
        /// <c>AllowAutoRedirect = false</c> (a redirect would carry <c>X-App-Id</c> and <c>X-App-Token</c> to another host),
        /// or resolving the client throws <see cref="ArgumentException"/>.
        /// </returns>
        /// <exception cref="InvalidOperationException">A client without a name is already registered: name each one instead.</exception>
        public static IHttpClientBuilder AddVoucherify(this IServiceCollection services, IConfiguration configuration) =>
            AddVoucherify(services, Options.DefaultName, configuration);

        /// <summary>
        /// Registers <see cref="VoucherifyClient"/> (also as <see cref="IVoucherifyClient"/>) and its
        /// <see cref="ICustomersClient"/> and <see cref="IAsyncActionsClient"/>, with options set in code and validated
        /// when the host starts.
        /// </summary>
        /// <param name="services">The service collection.</param>
        /// <param name="configure">Sets the credentials and region.</param>
        /// <returns>
        /// The HTTP client builder: add your own handlers (<c>AddHttpMessageHandler</c>, a resilience pipeline) or change the
        /// primary handler through it. The default primary handler never follows redirects; one you configure must set
        /// <c>AllowAutoRedirect = false</c> (a redirect would carry <c>X-App-Id</c> and <c>X-App-Token</c> to another host),
        /// or resolving the client throws <see cref="ArgumentException"/>.
        /// </returns>
        /// <exception cref="InvalidOperationException">A client without a name is already registered: name each one instead.</exception>
        public static IHttpClientBuilder AddVoucherify(this IServiceCollection services, Action<VoucherifyClientOptions> configure) =>
            AddVoucherify(services, Options.DefaultName, configure);

        /// <summary>
        /// Registers a named client, for an application that talks to more than one Voucherify project (an EU and a US one,
        /// say), with options bound from <paramref name="configuration"/> and validated when the host starts. On .NET 8+ its
        /// <see cref="VoucherifyClient"/>, <see cref="IVoucherifyClient"/>, <see cref="ICustomersClient"/> and
        /// <see cref="IAsyncActionsClient"/> are keyed services (<c>[FromKeyedServices("eu")] ICustomersClient customers</c>);
        /// on every target <see cref="IVoucherifyClientFactory"/><c>.Get("eu")</c> returns it.
        /// </summary>
        /// <param name="services">The service collection.</param>
        /// <param name="name">The client's name (the service key), e.g. <c>"eu"</c>; <c>""</c> registers the unnamed client.</param>
        /// <param name="configuration">The configuration section holding the options, e.g. <c>configuration.GetSection("Voucherify:Eu")</c>.</param>
        /// <returns>The HTTP client builder of the <c>IHttpClientFactory</c> client <c>Voucherify:{name}</c>; see the unnamed overload.</returns>
        /// <exception cref="InvalidOperationException">A client of that name is already registered.</exception>
        public static IHttpClientBuilder AddVoucherify(this IServiceCollection services, string name, IConfiguration configuration)
        {
            if (services is null) throw new ArgumentNullException(nameof(services));
            if (configuration is null) throw new ArgumentNullException(nameof(configuration));
            var path = configuration is IConfigurationSection section ? section.Path : string.Empty;
            return AddClient(services, name, options => options.Bind(configuration), path);
        }

        /// <summary>
        /// Registers a named client with options set in code; see the overload taking a configuration section for how it is
        /// resolved.
        /// </summary>
        /// <param name="services">The service collection.</param>
        /// <param name="name">The client's name (the service key), e.g. <c>"eu"</c>; <c>""</c> registers the unnamed client.</param>
        /// <param name="configure">Sets the credentials and region.</param>
        /// <returns>The HTTP client builder of the <c>IHttpClientFactory</c> client <c>Voucherify:{name}</c>.</returns>
        /// <exception cref="InvalidOperationException">A client of that name is already registered.</exception>
        public static IHttpClientBuilder AddVoucherify(this IServiceCollection services, string name, Action<VoucherifyClientOptions> configure)
        {
            if (services is null) throw new ArgumentNullException(nameof(services));
            if (configure is null) throw new ArgumentNullException(nameof(configure));
            return AddClient(services, name, options => options.Configure(configure), configurationPath: null);
        }

        private static IHttpClientBuilder AddClient(IServiceCollection services, string name, Action<OptionsBuilder<VoucherifyClientOptions>> bind, string? configurationPath)
        {
            if (name is null) throw new ArgumentNullException(nameof(name));
            var httpClientName = name.Length == 0 ? HttpClientName : HttpClientName + ":" + name;
            Registrations(services).Add(name, httpClientName);

            var options = services.AddOptions<VoucherifyClientOptions>(name);
            bind(options);
            services.AddSingleton<IValidateOptions<VoucherifyClientOptions>>(new VoucherifyOptionsValidator(name, configurationPath));
            options.ValidateOnStart();

            services.TryAddSingleton<VoucherifyClientFactory>();
            services.TryAddSingleton<IVoucherifyClientFactory>(provider => provider.GetRequiredService<VoucherifyClientFactory>());
            if (name.Length == 0) AddUnnamed(services);
            else AddKeyed(services, name);

            // The send guard and the redacted request log go below every handler the application adds (see the filter).
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, BottomOfChainFilter>());
            var builder = services.AddHttpClient(httpClientName)
                // The factory's own request logging writes full URLs, query strings with e-mail addresses included;
                // the library's handler logs the same events redacted.
                .RemoveAllLoggers()
                // The client keeps its chain for the application's lifetime: the primary handler recycles connections so
                // DNS changes are seen, and never follows a redirect (it would carry the API key to another host).
                .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
            builder.ConfigurePrimaryHttpMessageHandler(Voucherify.Http.DefaultTransport.Create);
            return builder;
        }

        /// <summary>One client for the application (it is thread-safe), behind every interface.</summary>
        private static void AddUnnamed(IServiceCollection services)
        {
            services.AddSingleton(provider => provider.GetRequiredService<VoucherifyClientFactory>().Client(Options.DefaultName));
            services.AddSingleton<IVoucherifyClient>(provider => provider.GetRequiredService<VoucherifyClient>());
            services.AddSingleton(provider => provider.GetRequiredService<VoucherifyClient>().Customers);
            services.AddSingleton<ICustomersClient>(provider => provider.GetRequiredService<VoucherifyClient>().Customers);
            services.AddSingleton(provider => provider.GetRequiredService<VoucherifyClient>().AsyncActions);
            services.AddSingleton<IAsyncActionsClient>(provider => provider.GetRequiredService<VoucherifyClient>().AsyncActions);
        }

        /// <summary>
        /// The same services keyed by name, on .NET 8+ only: a keyed descriptor breaks containers that predate keyed
        /// services, which netstandard2.0 hosts may use; they resolve named clients through <see cref="IVoucherifyClientFactory"/>.
        /// </summary>
        private static void AddKeyed(IServiceCollection services, string name)
        {
#if NET8_0_OR_GREATER
            services.AddKeyedSingleton(name, (provider, _) => provider.GetRequiredService<VoucherifyClientFactory>().Client(name));
            services.AddKeyedSingleton<IVoucherifyClient>(name, (provider, key) => provider.GetRequiredKeyedService<VoucherifyClient>(key));
            services.AddKeyedSingleton(name, (provider, key) => provider.GetRequiredKeyedService<VoucherifyClient>(key).Customers);
            services.AddKeyedSingleton<ICustomersClient>(name, (provider, key) => provider.GetRequiredKeyedService<VoucherifyClient>(key).Customers);
            services.AddKeyedSingleton(name, (provider, key) => provider.GetRequiredKeyedService<VoucherifyClient>(key).AsyncActions);
            services.AddKeyedSingleton<IAsyncActionsClient>(name, (provider, key) => provider.GetRequiredKeyedService<VoucherifyClient>(key).AsyncActions);
#endif
        }

        /// <summary>The collection's one <see cref="VoucherifyRegistrations"/>, registered on first use.</summary>
        private static VoucherifyRegistrations Registrations(IServiceCollection services)
        {
            foreach (var descriptor in services)
                if (descriptor.ServiceType == typeof(VoucherifyRegistrations) && !descriptor.IsKeyedService && descriptor.ImplementationInstance is VoucherifyRegistrations found)
                    return found;
            var registrations = new VoucherifyRegistrations();
            services.AddSingleton(registrations);
            return registrations;
        }
    }
}
