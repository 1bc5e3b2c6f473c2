using Newtonsoft.Json;

namespace Voucherify.Serialization
{
    /// <summary>The Newtonsoft.Json settings every request and response of the client uses.</summary>
    internal static class VoucherifyJson
    {
        public static void Configure(JsonSerializerSettings settings)
        {
            // Free-form members (metadata, async-action results) must keep strings as strings: by default
            // Newtonsoft turns anything that looks like a date into a DateTime inside a JObject or dictionary.
            // Typed DateTimeOffset members still parse, from the string.
            settings.DateParseHandling = DateParseHandling.None;
            // "$type"-style members in a payload are data, never instructions to the serializer.
            settings.MetadataPropertyHandling = MetadataPropertyHandling.Ignore;
            settings.TypeNameHandling = TypeNameHandling.None;
            settings.MaxDepth = 128;
        }

        /// <summary>A serializer with the same settings, for converting free-form JSON into typed results.</summary>
        public static JsonSerializer Serializer { get; } = CreateSerializer();

        private static JsonSerializer CreateSerializer()
        {
            var settings = new JsonSerializerSettings();
            Configure(settings);
            return JsonSerializer.Create(settings);
        }
    }
}
