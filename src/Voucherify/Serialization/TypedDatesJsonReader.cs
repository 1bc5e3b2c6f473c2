using System;
using System.IO;
using Newtonsoft.Json;

namespace Voucherify.Serialization
{
    /// <summary>
    /// A JSON reader for response bodies that keeps date-like strings verbatim in free-form members (metadata,
    /// async-action results) but parses the members typed <see cref="DateTimeOffset"/> straight from its buffer.
    /// </summary>
    /// <remarks>
    /// With <see cref="DateParseHandling.None"/> on the whole reader (what keeps metadata strings as strings), every
    /// typed date would first be read into a string and then parsed from it: about 60 bytes per date, seven dates in
    /// a customer. Switching date handling on only while the serializer asks for a <see cref="DateTimeOffset"/> avoids
    /// that string and leaves every other read as it was.
    /// </remarks>
    internal sealed class TypedDatesJsonReader : JsonTextReader
    {
        public TypedDatesJsonReader(TextReader reader)
            : base(reader)
        {
            ArrayPool = PooledChars.Instance;
        }

        public override DateTimeOffset? ReadAsDateTimeOffset()
        {
            var configured = DateParseHandling;
            DateParseHandling = DateParseHandling.DateTimeOffset;
            try
            {
                return base.ReadAsDateTimeOffset();
            }
            finally
            {
                DateParseHandling = configured;
            }
        }
    }
}
