using Newtonsoft.Json;

namespace Voucherify
{
    // The generated clients expose two partial hooks: where the base address comes from, and how JSON is read.
    // Both clients are set up the same way, from VoucherifyClientBase and VoucherifyJson.

    public partial class CustomersClient
    {
        partial void Initialize() => BaseUrl = ConfiguredBaseUrl;

        static partial void UpdateJsonSerializerSettings(JsonSerializerSettings settings) => Serialization.VoucherifyJson.Configure(settings);
    }

    public partial class AsyncActionsClient
    {
        partial void Initialize() => BaseUrl = ConfiguredBaseUrl;

        static partial void UpdateJsonSerializerSettings(JsonSerializerSettings settings) => Serialization.VoucherifyJson.Configure(settings);
    }
}
