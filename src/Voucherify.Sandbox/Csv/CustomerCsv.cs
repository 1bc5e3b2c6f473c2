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
/// Turns an import file into customer rows: the documented columns map to customer members (names compared without
/// regard to case), any other column becomes a metadata key, empty cells are left out.
/// </summary>
internal static class CustomerCsv
{
    private static readonly Dictionary<string, (string Member, string? AddressPart)> KnownColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Id"] = ("id", null),
        ["Source_id"] = ("source_id", null),
        ["Name"] = ("name", null),
        ["Email"] = ("email", null),
        ["Phone"] = ("phone", null),
        ["Birthdate"] = ("birthdate", null),
        ["Description"] = ("description", null),
        ["Address_line_1"] = ("address", "line_1"),
        ["Address_line_2"] = ("address", "line_2"),
        ["Address_Postal_Code"] = ("address", "postal_code"),
        ["Address_City"] = ("address", "city"),
        ["Address_State"] = ("address", "state"),
        ["Address_Country"] = ("address", "country"),
    };

    /// <summary>
    /// Reads every row from <paramref name="file"/> (UTF-8, with or without a byte order mark) as it streams in;
    /// throws <see cref="FormatException"/> when the file as a whole is unusable.
    /// </summary>
    public static async Task<List<CustomerCsvRow>> ReadAsync(Stream file, CancellationToken cancellationToken)
    {
        var unclosedQuote = false;
        // RFC 4180, comma separated (never detected), lenient where the RFC is silent: a stray quote stays text.
        // Only a quoted field that runs to the end of the file makes it unusable.
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            Mode = CsvMode.Rfc4180,
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = record => unclosedQuote |= record.Reason == CsvMalformedReason.UnterminatedQuote,
        };
        await using var reader = CsvReader.Create(file, options, leaveOpen: true);
        await reader.ReadHeaderAsync(cancellationToken);
        var columns = reader.Headers.Select(h => h.Trim()).ToList();
        if (columns.All(string.IsNullOrEmpty))
            throw new FormatException("The file has no header row; the first row must name the columns.");

        var rows = new List<CustomerCsvRow>();
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(ToRow((int)reader.RowNumber, columns, reader));
        if (unclosedQuote)
            throw new FormatException("A quoted field is not closed before the end of the file.");
        return rows;
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
                case "address": ((JObject)(profile["address"] ??= new JObject()))[target.AddressPart!] = value; break;
                default: profile[target.Member] = value; break;
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
