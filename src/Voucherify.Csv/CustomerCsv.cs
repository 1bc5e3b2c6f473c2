using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CsvHelper;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Voucherify.Csv
{
    /// <summary>Writes customers in the CSV layout the Voucherify customer import reads.</summary>
    public static class CustomerCsv
    {
        /// <summary>The import's own columns, in the order they are written; any other column becomes a metadata key.</summary>
        public static IReadOnlyList<string> StandardColumns { get; } = new[]
        {
            "Id", "Name", "Email", "Phone", "Birthdate", "Source_id", "Address_line_1", "Address_line_2",
            "Address_Postal_Code", "Address_City", "Address_State", "Address_Country", "Description",
        };

        /// <summary>
        /// The metadata keys used by <paramref name="customers"/>, in first-seen order: the extra columns to write.
        /// Reads the sequence once.
        /// </summary>
        /// <param name="customers">The rows.</param>
        /// <returns>The distinct metadata keys.</returns>
        public static IReadOnlyList<string> CollectMetadataColumns(IEnumerable<CustomerCreateOptions> customers)
        {
            if (customers is null) throw new ArgumentNullException(nameof(customers));
            var keys = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var customer in customers)
                foreach (var key in customer?.Metadata?.Keys ?? Enumerable.Empty<string>())
                    if (seen.Add(key)) keys.Add(key);
            return keys;
        }

        /// <summary>
        /// Writes a header row and one row per customer as UTF-8 (no byte order mark). Quoting and escaping are
        /// CsvHelper's (RFC 4180); dates are <c>yyyy-MM-dd</c>, numbers and booleans invariant, structured metadata values JSON.
        /// </summary>
        /// <param name="customers">The rows; read once, one at a time.</param>
        /// <param name="destination">Where the CSV goes; flushed, not disposed.</param>
        /// <param name="metadataColumns">The metadata keys to write as extra columns (see <see cref="CollectMetadataColumns"/>).</param>
        /// <param name="cancellationToken">Stops writing between rows.</param>
        /// <returns>A task that completes when every row has been written and flushed.</returns>
        /// <exception cref="ArgumentException">A metadata column repeats or is named like a standard column, or a row has a metadata key that is not a column.</exception>
        public static async Task WriteAsync(IEnumerable<CustomerCreateOptions> customers, Stream destination, IReadOnlyList<string> metadataColumns, CancellationToken cancellationToken = default)
        {
            if (customers is null) throw new ArgumentNullException(nameof(customers));
            if (destination is null) throw new ArgumentNullException(nameof(destination));
            if (metadataColumns is null) throw new ArgumentNullException(nameof(metadataColumns));
            var columns = ValidateColumns(metadataColumns);

            var csv = CsvWriter.Create(destination, options: null, leaveOpen: true);
            await using (csv.ConfigureAwait(false))
            {
                csv.WriteHeader(StandardColumns.Concat(metadataColumns).ToArray());
                var fields = new string?[StandardColumns.Count + metadataColumns.Count];
                var row = 0;
                foreach (var customer in customers)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    row++;
                    if (customer is null) throw new ArgumentException($"Row {row} is null.", nameof(customers));
                    foreach (var key in customer.Metadata?.Keys ?? Enumerable.Empty<string>())
                        if (!columns.Contains(key))
                            throw new ArgumentException($"Row {row} has the metadata key '{key}', which is not among the metadata columns.", nameof(customers));
                    FillStandardFields(fields, customer);
                    for (var i = 0; i < metadataColumns.Count; i++)
                        fields[StandardColumns.Count + i] = customer.Metadata != null && customer.Metadata.TryGetValue(metadataColumns[i], out var value) ? FormatMetadata(value) : null;
                    await csv.WriteRecordAsync(fields!, cancellationToken).ConfigureAwait(false);
                }
                await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        private static HashSet<string> ValidateColumns(IReadOnlyList<string> metadataColumns)
        {
            var columns = new HashSet<string>(StringComparer.Ordinal);
            foreach (var column in metadataColumns)
            {
                if (string.IsNullOrEmpty(column)) throw new ArgumentException("A metadata column name is empty.", nameof(metadataColumns));
                if (StandardColumns.Contains(column, StringComparer.OrdinalIgnoreCase))
                    throw new ArgumentException($"The metadata key '{column}' would be read as the import's own column of that name.", nameof(metadataColumns));
                if (!columns.Add(column)) throw new ArgumentException($"The metadata column '{column}' is listed twice.", nameof(metadataColumns));
            }
            return columns;
        }

        private static void FillStandardFields(string?[] fields, CustomerCreateOptions customer)
        {
#pragma warning disable CS0612 // Birthday is the deprecated alias; honour it when Birthdate is not set.
            var birthdate = customer.Birthdate ?? customer.Birthday;
#pragma warning restore CS0612
            fields[0] = customer.Id;
            fields[1] = customer.Name;
            fields[2] = customer.Email;
            fields[3] = customer.Phone;
            fields[4] = birthdate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            fields[5] = customer.SourceId;
            fields[6] = customer.Address?.Line1;
            fields[7] = customer.Address?.Line2;
            fields[8] = customer.Address?.PostalCode;
            fields[9] = customer.Address?.City;
            fields[10] = customer.Address?.State;
            fields[11] = customer.Address?.Country;
            fields[12] = customer.Description;
        }

        private static string FormatMetadata(object? value)
        {
            switch (value)
            {
                case null:
                    return string.Empty;
                case string text:
                    return text;
                case bool flag:
                    return flag ? "true" : "false";
                case DateTime dateTime:
                    return dateTime.ToString("O", CultureInfo.InvariantCulture);
                case DateTimeOffset dateTimeOffset:
                    return dateTimeOffset.ToString("O", CultureInfo.InvariantCulture);
                case JValue json:
                    return FormatMetadata(json.Value);
                case IFormattable number:
                    return number.ToString(null, CultureInfo.InvariantCulture);
                default:
                    // Objects and arrays have no CSV form; the import stores the text as it is.
                    return JsonConvert.SerializeObject(value, Formatting.None);
            }
        }
    }
}
