using System;
using System.Net.Http;

namespace Voucherify.Http
{
    /// <summary>
    /// .NET writes multipart <c>Content-Disposition</c> values unquoted (<c>name=file; filename=a.csv</c>); RFC 7578
    /// examples quote them and some servers and mock servers reject the bare form, so we always quote.
    /// </summary>
    internal static class MultipartHeaders
    {
        public static void QuoteDispositionValues(HttpContent? content)
        {
            if (!(content is MultipartFormDataContent multipart)) return;
            foreach (var part in multipart)
            {
                var disposition = part.Headers.ContentDisposition;
                if (disposition is null) continue;
                disposition.Name = Quote(disposition.Name);
                if (disposition.FileName != null)
                {
                    disposition.FileName = Quote(disposition.FileName);
                    // The RFC 5987 form duplicates the name; the plain quoted one is enough (names are ASCII-safe, see CSV import).
                    disposition.FileNameStar = null;
                }
            }
        }

        private static string? Quote(string? value)
        {
            if (value is null || (value.Length >= 2 && value.StartsWith("\"", StringComparison.Ordinal) && value.EndsWith("\"", StringComparison.Ordinal)))
                return value;
            return "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        }
    }
}
