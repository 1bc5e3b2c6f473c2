using System;
using System.Collections.Generic;

namespace Voucherify.Extensions.DependencyInjection
{
    /// <summary>
    /// The Voucherify clients registered in one service collection: each <c>IHttpClientFactory</c> client name with the
    /// name of its options. One instance per collection, registered by the first <c>AddVoucherify</c> call.
    /// </summary>
    internal sealed class VoucherifyRegistrations
    {
        private readonly Dictionary<string, string> _optionsByHttpClient = new Dictionary<string, string>(StringComparer.Ordinal);

        public void Add(string httpClientName, string optionsName) => _optionsByHttpClient.Add(httpClientName, optionsName);

        public bool TryGetOptionsName(string httpClientName, out string optionsName) => _optionsByHttpClient.TryGetValue(httpClientName, out optionsName!);
    }
}
