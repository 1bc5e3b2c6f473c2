using System;
using System.Collections.Generic;
using System.Linq;

namespace Voucherify.Extensions.DependencyInjection
{
    /// <summary>
    /// The Voucherify clients registered in one service collection, by name (<c>""</c> for the one registered without a
    /// name), each with its <c>IHttpClientFactory</c> client. One instance per collection, added by the first
    /// <c>AddVoucherify</c> call; a second registration under the same name is refused here, because it would silently
    /// replace the first client.
    /// </summary>
    internal sealed class VoucherifyRegistrations
    {
        private readonly Dictionary<string, string> _httpClientByName = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _nameByHttpClient = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <exception cref="InvalidOperationException">A client of that name is already registered.</exception>
        public void Add(string name, string httpClientName)
        {
            if (_httpClientByName.ContainsKey(name))
                throw new InvalidOperationException(name.Length == 0
                    ? "AddVoucherify was called twice without a name: the second client would silently replace the first. " +
                      "To use more than one project (an EU and a US one, say), give each a name, AddVoucherify(\"eu\", …) and AddVoucherify(\"us\", …), " +
                      "and resolve them with [FromKeyedServices(\"eu\")] or IVoucherifyClientFactory.Get(\"eu\")."
                    : $"AddVoucherify(\"{name}\", …) was called twice: the second client would silently replace the first. Give each client its own name.");
            _httpClientByName.Add(name, httpClientName);
            _nameByHttpClient.Add(httpClientName, name);
        }

        /// <summary>The <c>IHttpClientFactory</c> client of the Voucherify client <paramref name="name"/>.</summary>
        public bool TryGetHttpClientName(string name, out string httpClientName) => _httpClientByName.TryGetValue(name, out httpClientName!);

        /// <summary>The Voucherify client (and options) name of an <c>IHttpClientFactory</c> client, when it is one of ours.</summary>
        public bool TryGetOptionsName(string httpClientName, out string optionsName) => _nameByHttpClient.TryGetValue(httpClientName, out optionsName!);

        /// <summary>The registered names, for messages: <c>"eu", "us"</c>, the unnamed one as <c>(unnamed)</c>.</summary>
        public string Describe() => _httpClientByName.Count == 0
            ? "none"
            : string.Join(", ", _httpClientByName.Keys.OrderBy(n => n, StringComparer.Ordinal).Select(n => n.Length == 0 ? "(unnamed)" : $"\"{n}\""));
    }
}
