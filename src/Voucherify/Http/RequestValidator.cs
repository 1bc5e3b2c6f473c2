using System;
using System.Globalization;

namespace Voucherify.Http
{
    /// <summary>
    /// Checks a built request URI for arguments the API would misread, so the caller gets an
    /// <see cref="ArgumentException"/> instead of a request to the wrong resource.
    /// </summary>
    /// <remarks>
    /// The generated methods only reject null ids; an empty or blank id would silently turn
    /// <c>/v1/customers/{id}</c> into <c>/v1/customers/</c> (the list), and <c>..</c> would be collapsed by
    /// <see cref="Uri"/>. Both path parameters of this API are ids, so the check works on the path segments.
    /// It runs on every request, so it scans the URL in place and only cuts out the parts it must decode or report.
    /// </remarks>
    internal static class RequestValidator
    {
        private const string AsyncActionsPath = "v1/async-actions";

        /// <param name="url">The URL as the generated code built it (not yet normalised by <see cref="Uri"/>).</param>
        /// <param name="baseUrl">The base address it starts with, ending in <c>/</c>.</param>
        public static void Validate(string url, string baseUrl)
        {
            if (!url.StartsWith(baseUrl, StringComparison.Ordinal)) return;
            var queryStart = url.IndexOf('?', baseUrl.Length);
            ValidatePath(url, baseUrl.Length, queryStart < 0 ? url.Length : queryStart);
            if (queryStart >= 0) ValidateQuery(url, queryStart + 1);
        }

        private static void ValidatePath(string url, int start, int end)
        {
            var parameterName = end - start >= AsyncActionsPath.Length && string.CompareOrdinal(url, start, AsyncActionsPath, 0, AsyncActionsPath.Length) == 0
                ? "asyncActionId"
                : "customerId";
            // segments: "v1", collection, [id, [sub-resource]]; an id is never the first two.
            var segment = 0;
            var segmentStart = start;
            for (var i = start; i <= end; i++)
            {
                if (i < end && url[i] != '/') continue;
                if (segment >= 2) ValidateIdSegment(url, segmentStart, i, parameterName);
                segment++;
                segmentStart = i + 1;
            }
        }

        private static void ValidateIdSegment(string url, int start, int end, string parameterName)
        {
            if (url.IndexOf('%', start, end - start) >= 0)
            {
                ValidateId(Uri.UnescapeDataString(url.Substring(start, end - start)), parameterName);
                return;
            }
            var blank = true;
            for (var i = start; i < end && blank; i++) blank = char.IsWhiteSpace(url[i]);
            var dots = end - start <= 2 && end > start && url[start] == '.' && url[end - 1] == '.';
            if (blank || dots) ValidateId(url.Substring(start, end - start), parameterName);
        }

        private static void ValidateId(string id, string parameterName)
        {
            if (string.IsNullOrWhiteSpace(id))
                throw new ArgumentException($"The {parameterName} must not be empty or whitespace.", parameterName);
            if (id == "." || id == "..")
                throw new ArgumentException($"The {parameterName} '{id}' cannot be addressed in a URL path.", parameterName);
        }

        private static void ValidateQuery(string url, int start)
        {
            while (start < url.Length)
            {
                var end = url.IndexOf('&', start);
                if (end < 0) end = url.Length;
                var equals = url.IndexOf('=', start, end - start);
                if (equals > start)
                {
                    var name = url.IndexOf('%', start, equals - start) >= 0 ? Uri.UnescapeDataString(url.Substring(start, equals - start)) : null;
                    if (IsName(url, start, equals, name, "limit")) EnsureRange("limit", Value(url, equals, end), 1, 100);
                    else if (IsName(url, start, equals, name, "page")) EnsureRange("page", Value(url, equals, end), 1, 99);
                }
                start = end + 1;
            }
        }

        // decoded: the name when it had to be unescaped; null to compare the raw text between start and end.
        private static bool IsName(string url, int start, int end, string? decoded, string name) =>
            decoded != null
                ? decoded == name
                : end - start == name.Length && string.CompareOrdinal(url, start, name, 0, name.Length) == 0;

        private static string Value(string url, int equals, int end) => Uri.UnescapeDataString(url.Substring(equals + 1, end - equals - 1));

        private static void EnsureRange(string name, string value, int min, int max)
        {
            if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
                throw new ArgumentOutOfRangeException(name, value, $"The API accepts {name} from {min} to {max}.");
        }
    }
}
