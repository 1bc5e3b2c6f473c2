using System.Text;

namespace Voucherify.Sandbox.Csv;

/// <summary>
/// An RFC 4180 reader that pulls records from a text stream as it arrives: comma separated, fields optionally in
/// double quotes, <c>""</c> for a quote inside them, commas and line breaks allowed inside quotes, CRLF or LF between
/// records. Lenient where the RFC is silent: a quote inside an unquoted field is kept as text.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private readonly char[] _buffer = new char[16 * 1024];
    private int _position;
    private int _length;

    /// <summary>The next record, or null at the end of the input.</summary>
    /// <exception cref="FormatException">A quoted field is never closed.</exception>
    public async ValueTask<List<string>?> ReadRecordAsync(CancellationToken cancellationToken)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var fieldWasQuoted = false;
        var sawAnything = false;
        while (true)
        {
            var c = await ReadAsync(cancellationToken);
            if (c < 0)
            {
                if (inQuotes) throw new FormatException("A quoted field is not closed before the end of the file.");
                if (!sawAnything) return null;
                fields.Add(field.ToString());
                return fields;
            }
            sawAnything = true;
            if (inQuotes)
            {
                if (c != '"') field.Append((char)c);
                else if (await PeekAsync(cancellationToken) == '"') field.Append((char)await ReadAsync(cancellationToken));
                else inQuotes = false;
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0 && !fieldWasQuoted:
                    inQuotes = fieldWasQuoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldWasQuoted = false;
                    break;
                case '\r' or '\n':
                    if (c == '\r' && await PeekAsync(cancellationToken) == '\n') await ReadAsync(cancellationToken);
                    fields.Add(field.ToString());
                    return fields;
                default:
                    field.Append((char)c);
                    break;
            }
        }
    }

    private async ValueTask<int> ReadAsync(CancellationToken cancellationToken)
    {
        var c = await PeekAsync(cancellationToken);
        if (c >= 0) _position++;
        return c;
    }

    private async ValueTask<int> PeekAsync(CancellationToken cancellationToken)
    {
        if (_position == _length)
        {
            _length = await reader.ReadAsync(_buffer, cancellationToken);
            _position = 0;
            if (_length == 0) return -1;
        }
        return _buffer[_position];
    }
}
