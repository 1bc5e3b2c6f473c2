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

    public static async Task WriteAsync(HttpContext context, int statusCode, object body, Func<object, byte[]?>? serialized = null)
    {
        context.Response.StatusCode = statusCode;
        await WriteBodyAsync(context, body, Serializer, serialized);
    }

    /// <summary>A value's JSON as UTF-8 bytes; null when it is longer than <paramref name="maxChars"/> characters (found out by writing no more).</summary>
    public static byte[]? Utf8(object value, int maxChars = int.MaxValue)
    {
        using var text = new BoundedStringWriter(maxChars);
        try
        {
            Serializer.Serialize(text, value);
        }
        catch (BoundedStringWriter.TooLongException)
        {
            return null;
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>A string writer that stops (throws) once the text is longer than a limit.</summary>
    private sealed class BoundedStringWriter(int maxChars) : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
    {
        public override void Write(char value)
        {
            base.Write(value);
            Check();
        }

        public override void Write(char[] buffer, int index, int count)
        {
            base.Write(buffer, index, count);
            Check();
        }

        public override void Write(string? value)
        {
            base.Write(value);
            Check();
        }

        private void Check()
        {
            if (GetStringBuilder().Length > maxChars) throw new TooLongException();
        }

        public sealed class TooLongException : Exception;
    }

    /// <summary>
    /// Writes <paramref name="body"/> as the JSON response body, straight to the connection: small bodies at once with
    /// their length, large ones list item by list item as the client takes them (see <see cref="StreamingJsonWriter"/>).
    /// <paramref name="serialized"/> gives the JSON of values serialized before (stored customers), or null.
    /// </summary>
    public static async Task WriteBodyAsync(HttpContext context, object body, JsonSerializer serializer, Func<object, byte[]?>? serialized = null)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        using var text = new ResponseBodyWriter(context.Response);
        using var json = new JsonTextWriter(text) { ArrayPool = PooledChars.Instance, CloseOutput = false, AutoCompleteOnClose = false };
        await StreamingJsonWriter.WriteAsync(new HttpResponseBody(text, json, serialized), body, serializer, context.RequestAborted);
    }

    /// <summary>Newtonsoft.Json's buffers from the shared pool, so writing a response allocates none of its own.</summary>
    private sealed class PooledChars : IArrayPool<char>
    {
        public static readonly PooledChars Instance = new();

        public char[] Rent(int minimumLength) => System.Buffers.ArrayPool<char>.Shared.Rent(minimumLength);

        public void Return(char[]? array)
        {
            if (array is not null) System.Buffers.ArrayPool<char>.Shared.Return(array);
        }
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

    /// <summary>
    /// Reads a JSON body as it streams in (never the whole text at once, which would double a 10 MB bulk body in memory);
    /// null when it is not valid JSON.
    /// </summary>
    public static async Task<JToken?> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024, leaveOpen: true);
        using var json = new JsonTextReader(reader) { DateParseHandling = DateParseHandling.None, MaxDepth = 64, ArrayPool = PooledChars.Instance, CloseInput = false };
        try
        {
            var token = await JToken.ReadFromAsync(json, cancellationToken);
            // Trailing garbage after the first value makes the body invalid, as it would be for the service.
            return await json.ReadAsync(cancellationToken) ? null : token;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Converts a JSON fragment into a generated DTO; null with a reason when its members have the wrong types.</summary>
    public static T? TryConvert<T>(JToken token, out string? problem) where T : class
    {
        if (MemberTypes.FirstMismatch(token, typeof(T), Serializer) is { } member)
        {
            problem = member.Length == 0 ? "The body has a value of the wrong type." : $"{member} has a value of the wrong type.";
            return null;
        }
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
