using System.Text;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Voucherify.Sandbox.Hosting;

/// <summary>
/// Newtonsoft.Json over the client's generated DTOs, so the sandbox writes exactly the member names and shapes the
/// client reads (one contract, not a second hand-typed copy).
/// </summary>
internal static class SandboxJson
{
    public static JsonSerializer Serializer { get; } = JsonSerializer.Create(new JsonSerializerSettings
    {
        // Request bodies keep strings as strings (metadata values that look like dates stay text).
        DateParseHandling = DateParseHandling.None,
        MetadataPropertyHandling = MetadataPropertyHandling.Ignore,
        TypeNameHandling = TypeNameHandling.None,
        // All sandbox timestamps are UTC; microseconds keep the created_at cursor unambiguous.
        DateFormatString = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'",
        MaxDepth = 64,
        Converters = { new UtcTimestampConverter() },
    });

    public static async Task WriteAsync(HttpContext context, int statusCode, object body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        var builder = new StringBuilder(256);
        using (var writer = new StringWriter(builder))
            Serializer.Serialize(writer, body);
        await context.Response.WriteAsync(builder.ToString(), context.RequestAborted);
    }

    /// <summary>Parses JSON text; null when it is not valid JSON.</summary>
    public static JToken? Parse(string text)
    {
        try
        {
            using var json = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
            var token = JToken.ReadFrom(json);
            // Trailing garbage after the first value makes the body invalid, as it would be for the service.
            return json.Read() ? null : token;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads a JSON body; null when it is not valid JSON.</summary>
    public static async Task<JToken?> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        return Parse(await reader.ReadToEndAsync(cancellationToken));
    }

    /// <summary>Converts a JSON fragment into a generated DTO; null with a reason when its members have the wrong types.</summary>
    public static T? TryConvert<T>(JToken token, out string? problem) where T : class
    {
        try
        {
            problem = null;
            return token.ToObject<T>(Serializer);
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidCastException)
        {
            // The exception's own message names .NET types; the caller needs the member, in the API's terms.
            var path = (e as JsonSerializationException)?.Path ?? (e as JsonReaderException)?.Path;
            // An array item's path starts with its index ("[3].email"); the caller reports per item, so drop it.
            if (path?.StartsWith('[') == true) path = path[(path.IndexOf(']') + 1)..].TrimStart('.');
            problem = string.IsNullOrEmpty(path) ? "A member has a value of the wrong type." : $"{path} has a value of the wrong type.";
            return null;
        }
    }
}
