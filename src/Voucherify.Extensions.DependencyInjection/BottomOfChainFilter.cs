using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Voucherify.Http;

namespace Voucherify.Extensions.DependencyInjection
{
    /// <summary>
    /// Puts the library's send guard and request log at the very bottom of each Voucherify <c>IHttpClientFactory</c>
    /// chain, below every handler the application adds, whenever it adds them: <c>AddHttpMessageHandler</c> and
    /// <c>AddStandardResilienceHandler()</c> append in call order, so a handler added there by <c>AddVoucherify</c>
    /// itself would sit above a resilience pipeline added after it and miss the sends that pipeline repeats.
    /// </summary>
    internal sealed class BottomOfChainFilter : IHttpMessageHandlerBuilderFilter
    {
        private readonly VoucherifyRegistrations _registrations;

        public BottomOfChainFilter(VoucherifyRegistrations registrations)
        {
            _registrations = registrations;
        }

        public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
        {
            next(builder);
            if (builder.Name is null || !_registrations.TryGetOptionsName(builder.Name, out var optionsName)) return;
            var services = builder.Services;
            // Guard first, log below it: the log then records every request that really goes out, numbered by the guard.
            builder.AdditionalHandlers.Add(new SendGuardHandler());
            builder.AdditionalHandlers.Add(new VoucherifyLoggingHandler(
                services.GetRequiredService<ILoggerFactory>().CreateLogger(VoucherifyServiceCollectionExtensions.LoggerCategory),
                services.GetRequiredService<IOptions<VoucherifyLoggingOptions>>().Value,
                services.GetRequiredService<IOptionsMonitor<VoucherifyClientOptions>>().Get(optionsName)));
        };
    }
}
