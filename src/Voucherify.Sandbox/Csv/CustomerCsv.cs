using System.Globalization;
using CsvHelper;
using Newtonsoft.Json.Linq;

namespace Voucherify.Sandbox.Csv;

/// <summary>
/// One data row of an import: its number in the file (the header row not counted), who it names, the profile members
/// it sets, or why it cannot be imported.
/// </summary>
internal sealed record CustomerCsvRow(int Row, string? Id, string? SourceId, JObject Profile, string? Problem);

/// <summary>
/// Turns an import file into customer rows: the spec's columns map to customer members (names compared without regard
/// to case), any other column becomes a metadata key, empty cells are left out.
/// </summary>
internal static class CustomerCsv
{
    /// <summary>
    /// The import's own columns (<c>x-voucherify-csv-columns</c> in the spec), each with the member it sets and, for a
    /// nested one such as <c>address.city</c>, the part of that member.
    /// </summary>
    private static readonly Dictionary<string, (string Member, string? Part)> KnownColumns =
        CustomersClient.Operations.ImportCustomersFromCsv.CsvColumns.ToDictionary(
            c => c.Column,
            c => c.Member.Split('.', 2) is [var member, var part] ? (member, (string?)part) : (c.Member, null),
            StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Counts the data rows of <paramref name="file"/> (UTF-8, with or without a byte order mark) without keeping any,
    /// and says why the file as a whole is unusable, if it is: no header row, or a quoted field never closed.
    /// </summary>
    public static async Task<(int Rows, string? Problem)> CheckAsync(Stream file, CancellationToken cancellationToken)
    {
        var unclosedQuote = false;
        await using var reader = CsvReader.Create(file, Options(() => unclosedQuote = true), leaveOpen: true);
        var rows = 0;
        try
        {
            await reader.ReadHeaderAsync(cancellationToken);
            if (Columns(reader) is null) return (0, "The file has no header row; the first row must name the columns.");
            while (await reader.ReadAsync(cancellationToken)) rows++;
        }
        catch (CsvFormatException)
        {
            // Thrown only for a row over MaxRowBytes, which an unclosed quote early in a large file makes of the rest.
            return (rows, $"Row {rows + 1} is longer than {MaxRowBytes / 1024 / 1024} MiB: a quoted field may not be closed.");
        }
        return (rows, unclosedQuote ? "A quoted field is not closed before the end of the file." : null);
    }

    /// <summary>The data rows of a file that <see cref="CheckAsync"/> found usable, parsed one at a time as they are enumerated.</summary>
    public static IEnumerable<CustomerCsvRow> Read(Stream file)
    {
        using var reader = CsvReader.Create(file, Options(() => { }), leaveOpen: true);
        var columns = Columns(reader) ?? [];
        while (reader.Read())
            yield return ToRow((int)reader.RowNumber, columns, reader);
    }

    /// <summary>
    /// The longest row the sandbox reads. Without a limit a quote never closed near the start of a large file makes
    /// the reader hold the rest of the file as one field (a 130 MB file: +645 MB); with it the reader's buffer stays
    /// under about twice this.
    /// </summary>
    public const int MaxRowBytes = 8 * 1024 * 1024;

    // RFC 4180, comma separated (never detected), lenient where the RFC is silent: a stray quote stays text, and only
    // a quoted field that runs to the end of the file is reported. Repeated values (a city, a tier) share one string.
    private static CsvReaderOptions Options(Action unclosedQuote) => new()
    {
        MaxRecordSize = MaxRowBytes,
        Separator = ',',
        HasHeader = true,
        Mode = CsvMode.Rfc4180,
        MalformedData = CsvMalformedDataHandling.Recover,
        OnMalformedRecord = record =>
        {
            if (record.Reason == CsvMalformedReason.UnterminatedQuote) unclosedQuote();
        },
        PoolStrings = true,
    };

    /// <summary>The trimmed column names, or null when the file has no header row.</summary>
    private static List<string>? Columns(CsvReader reader)
    {
        var columns = reader.Headers.Select(h => h.Trim()).ToList();
        return columns.All(string.IsNullOrEmpty) ? null : columns;
    }

    private static CustomerCsvRow ToRow(int row, List<string> columns, CsvReader cells)
    {
        var profile = new JObject();
        string? id = null, sourceId = null, problem = null;
        if (cells.FieldCount > columns.Count)
            problem = $"The row has {cells.FieldCount} fields but the header names {columns.Count} columns.";

        for (var i = 0; i < Math.Min(cells.FieldCount, columns.Count); i++)
        {
            var value = cells.GetString(i);
            if (value.Length == 0 || columns[i].Length == 0) continue;
            if (!KnownColumns.TryGetValue(columns[i], out var target))
            {
                ((JObject)(profile["metadata"] ??= new JObject()))[columns[i]] = value;
                continue;
            }
            switch (target.Member)
            {
                case "id": id = value; break;
                case "source_id": sourceId = value; break;
                default:
                    if (target.Part is { } part) ((JObject)(profile[target.Member] ??= new JObject()))[part] = value;
                    else profile[target.Member] = value;
                    break;
            }
            problem ??= Check(columns[i], target.Member, value);
        }
        return new CustomerCsvRow(row, id, sourceId, profile, problem);
    }

    private static string? Check(string column, string member, string value) => member switch
    {
        "birthdate" when !DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) =>
            $"{column} '{value}' is not a date in the YYYY-MM-DD format.",
        "email" when !LooksLikeEmail(value) => $"{column} '{value}' is not a valid e-mail address.",
        _ => null,
    };

    private static bool LooksLikeEmail(string value)
    {
        var at = value.IndexOf('@');
        return at > 0 && at == value.LastIndexOf('@') && at < value.Length - 1 && !value.Any(char.IsWhiteSpace);
    }
}
