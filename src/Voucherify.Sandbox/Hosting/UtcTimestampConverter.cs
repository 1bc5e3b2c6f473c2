using Newtonsoft.Json;

namespace Voucherify.Sandbox.Hosting;

/// <summary>
/// Writes every <see cref="DateTimeOffset"/> in UTC. The sandbox's format ends in a literal <c>Z</c>, so a seeded
/// timestamp with another offset must be converted first, or it would be written as the wrong instant.
/// </summary>
internal sealed class UtcTimestampConverter : JsonConverter
{
    public override bool CanRead => false;

    public override bool CanConvert(Type objectType) => objectType == typeof(DateTimeOffset) || objectType == typeof(DateTimeOffset?);

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is DateTimeOffset instant) writer.WriteValue(instant.ToUniversalTime());
        else writer.WriteNull();
    }

    public override object ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
        throw new NotSupportedException("Only used for writing.");
}
