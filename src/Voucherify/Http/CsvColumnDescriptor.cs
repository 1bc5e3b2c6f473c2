namespace Voucherify.Http
{
    /// <summary>
    /// One column the CSV import reads into a customer member (<c>x-voucherify-csv-columns</c> in the spec), e.g.
    /// <c>Address_City</c> → <c>address.city</c>. Any other column becomes a metadata key.
    /// </summary>
    internal sealed class CsvColumnDescriptor
    {
        public CsvColumnDescriptor(string column, string member)
        {
            Column = column;
            Member = member;
        }

        /// <summary>The column's name in the header row, as the API documents it (matched without regard to case).</summary>
        public string Column { get; }

        /// <summary>The JSON member it sets: a top-level member (<c>name</c>) or one level down (<c>address.city</c>).</summary>
        public string Member { get; }

        public override string ToString() => Column + " → " + Member;
    }
}
