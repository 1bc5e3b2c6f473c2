using System;
using System.Net.Http;
using System.Text;

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

        /// <summary>
        /// The file name to put in a part's <c>Content-Disposition</c>: metadata only, so it is kept to printable ASCII
        /// without quotes or backslashes (anything else becomes <c>_</c>). A CR or LF would otherwise make .NET throw a
        /// raw <see cref="FormatException"/>, and non-ASCII is parsed differently by different servers.
        /// </summary>
        /// <param name="fileName">The caller's file name, possibly null or blank.</param>
        /// <param name="fallback">The name used when the caller gave none.</param>
        public static string FileName(string? fileName, string fallback)
        {
            if (fileName is null || fileName.Trim().Length == 0) return fallback;
            var ascii = new StringBuilder(fileName.Length);
            foreach (var c in fileName) ascii.Append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? c : '_');
            return ascii.ToString();
        }

        private static string? Quote(string? value)
        {
            if (value is null || (value.Length >= 2 && value.StartsWith("\"", StringComparison.Ordinal) && value.EndsWith("\"", StringComparison.Ordinal)))
                return value;
            return "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        }
    }
}
