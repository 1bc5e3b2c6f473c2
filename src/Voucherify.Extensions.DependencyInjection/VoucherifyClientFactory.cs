using System;
using System.Collections.Concurrent;
using System.Net.Http;
using Microsoft.Extensions.Options;

namespace Voucherify.Extensions.DependencyInjection
{
    /// <summary>
    /// Creates each registered client once, with its named options and the handler chain of its own
    /// <c>IHttpClientFactory</c> client (built once and kept: the chain's lifetime is infinite and the primary handler
    /// recycles connections), and disposes them with the container.
    /// </summary>
    internal sealed class VoucherifyClientFactory : IVoucherifyClientFactory, IDisposable
    {
        private readonly IOptionsMonitor<VoucherifyClientOptions> _options;
        private readonly IHttpMessageHandlerFactory _handlers;
        private readonly VoucherifyRegistrations _registrations;
        private readonly ConcurrentDictionary<string, Lazy<VoucherifyClient>> _clients = new ConcurrentDictionary<string, Lazy<VoucherifyClient>>(StringComparer.Ordinal);

        public VoucherifyClientFactory(IOptionsMonitor<VoucherifyClientOptions> options, IHttpMessageHandlerFactory handlers, VoucherifyRegistrations registrations)
        {
            _options = options;
            _handlers = handlers;
            _registrations = registrations;
        }

        public IVoucherifyClient Get(string name) => Client(name);

        /// <summary>The client of <paramref name="name"/>, created on first use.</summary>
        public VoucherifyClient Client(string name)
        {
            if (name is null) throw new ArgumentNullException(nameof(name));
            if (!_registrations.TryGetHttpClientName(name, out var httpClientName))
                throw new InvalidOperationException(
                    $"No Voucherify client named \"{name}\" is registered (registered: {_registrations.Describe()}). Register it with services.AddVoucherify(\"{name}\", …).");
            // Lazy: two threads asking at once must not build two clients (and two handler chains).
            return _clients.GetOrAdd(name, n => new Lazy<VoucherifyClient>(() => new VoucherifyClient(_options.Get(n), _handlers.CreateHandler(httpClientName)))).Value;
        }

        public void Dispose()
        {
            foreach (var client in _clients.Values)
                if (client.IsValueCreated) client.Value.Dispose();
        }
    }
}
