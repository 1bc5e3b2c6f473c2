using System.Text;

namespace Voucherify.Sandbox.Csv;

/// <summary>
/// An RFC 4180 reader that pulls records from a text stream as it arrives: comma separated, fields optionally in
/// double quotes, <c>""</c> for a quote inside them, commas and line breaks allowed inside quotes, CRLF or LF between
/// records. Lenient where the RFC is silent: a quote inside an unquoted field is kept as text.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private enum State { FieldStart, Unquoted, Quoted, QuoteInQuoted }

    private readonly char[] _buffer = new char[16 * 1024];
    private int _position;
    private int _length;
    // A CR ended the last record; an LF right after it belongs to that line break, even across calls.
    private bool _skipLineFeed;

    /// <summary>The next record, or null at the end of the input.</summary>
    /// <exception cref="FormatException">A quoted field is never closed.</exception>
    public async ValueTask<List<string>?> ReadRecordAsync(CancellationToken cancellationToken)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var state = State.FieldStart;
        var sawAnything = false;
        while (true)
        {
            // Characters are handled synchronously from the buffer; only an empty buffer waits for the stream.
            if (_position == _length)
            {
                _length = await reader.ReadAsync(_buffer, cancellationToken);
                _position = 0;
                if (_length == 0)
                {
                    if (state == State.Quoted) throw new FormatException("A quoted field is not closed before the end of the file.");
                    if (!sawAnything) return null;
                    fields.Add(field.ToString());
                    return fields;
                }
            }
            var c = _buffer[_position++];
            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (c == '\n') continue;
            }
            sawAnything = true;

            switch (state)
            {
                case State.Quoted:
                    if (c == '"') state = State.QuoteInQuoted;
                    else field.Append(c);
                    continue;
                case State.QuoteInQuoted when c == '"':
                    field.Append('"');
                    state = State.Quoted;
                    continue;
                case State.FieldStart when c == '"':
                    state = State.Quoted;
                    continue;
            }

            // Outside quotes (including right after a closing quote).
            switch (c)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    state = State.FieldStart;
                    break;
                case '\r' or '\n':
                    _skipLineFeed = c == '\r';
                    fields.Add(field.ToString());
                    return fields;
                default:
                    field.Append(c);
                    state = State.Unquoted;
                    break;
            }
        }
    }
}
