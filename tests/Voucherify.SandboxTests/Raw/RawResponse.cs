using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Voucherify.SandboxTests.Raw;

/// <summary>An HTTP/1.1 response as it came off the socket.</summary>
internal sealed class RawResponse
{
    private RawResponse(int statusCode, Dictionary<string, string> headers, string body)
    {
        StatusCode = statusCode;
        Headers = headers;
        Body = body;
    }

    public int StatusCode { get; }

    /// <summary>Header values by name (case-insensitive); a repeated header's values joined by <c>, </c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public string Body { get; }

    /// <summary>The body as a JSON object; null when it is empty or not one.</summary>
    public JObject? Json
    {
        get
        {
            try
            {
                return JToken.Parse(Body) as JObject;
            }
            catch (Newtonsoft.Json.JsonException)
            {
                return null;
            }
        }
    }

    public override string ToString() => $"{StatusCode} {Body}";

    /// <summary>Reads one response; null when the connection ends (closed or reset) before its first byte.</summary>
    public static async Task<RawResponse?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var reader = new ByteReader(stream);
        string? statusLine;
        try
        {
            statusLine = await reader.ReadLineAsync(cancellationToken);
        }
        catch (IOException)
        {
            return null;
        }
        if (statusLine is null) return null;
        var status = int.Parse(statusLine.Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (await reader.ReadLineAsync(cancellationToken) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':');
            var (name, value) = (line[..colon], line[(colon + 1)..].Trim());
            headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
        }
        byte[] body;
        if (headers.TryGetValue("Content-Length", out var length)) body = await reader.ReadExactlyAsync(int.Parse(length, CultureInfo.InvariantCulture), cancellationToken);
        else if (headers.TryGetValue("Transfer-Encoding", out var coding) && coding.Contains("chunked", StringComparison.OrdinalIgnoreCase)) body = await ReadChunksAsync(reader, cancellationToken);
        else body = await reader.ReadToEndAsync(cancellationToken);
        return new RawResponse(status, headers, Encoding.UTF8.GetString(body));
    }

    private static async Task<byte[]> ReadChunksAsync(ByteReader reader, CancellationToken cancellationToken)
    {
        var body = new MemoryStream();
        while (true)
        {
            var sizeLine = await reader.ReadLineAsync(cancellationToken) ?? throw new EndOfStreamException("The chunked body ended early.");
            var size = int.Parse(sizeLine.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0) break;
            body.Write(await reader.ReadExactlyAsync(size, cancellationToken));
            await reader.ReadLineAsync(cancellationToken);
        }
        while (await reader.ReadLineAsync(cancellationToken) is { Length: > 0 }) { }
        return body.ToArray();
    }

    /// <summary>Lines and byte counts over a stream, buffered by hand (the stream is a socket: no seeking, no peeking).</summary>
    private sealed class ByteReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;

        /// <summary>A CRLF-terminated line without its terminator; null at the end of the stream.</summary>
        public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            var line = new MemoryStream();
            while (true)
            {
                if (_start == _end && !await FillAsync(cancellationToken)) return line.Length == 0 ? null : Encoding.ASCII.GetString(line.ToArray());
                var b = _buffer[_start++];
                if (b == '\n') return Encoding.ASCII.GetString(line.ToArray()).TrimEnd('\r');
                line.WriteByte(b);
            }
        }

        public async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
        {
            var bytes = new byte[count];
            for (var filled = 0; filled < count;)
            {
                if (_start == _end && !await FillAsync(cancellationToken)) throw new EndOfStreamException($"The body ended after {filled} of {count} bytes.");
                var take = Math.Min(count - filled, _end - _start);
                Array.Copy(_buffer, _start, bytes, filled, take);
                (_start, filled) = (_start + take, filled + take);
            }
            return bytes;
        }

        public async Task<byte[]> ReadToEndAsync(CancellationToken cancellationToken)
        {
            var bytes = new MemoryStream();
            do bytes.Write(_buffer, _start, _end - _start);
            while (await FillAsync(cancellationToken));
            return bytes.ToArray();
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            _start = 0;
            _end = await stream.ReadAsync(_buffer, cancellationToken);
            return _end > 0;
        }
    }
}
