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
    /// </remarks>
    internal static class RequestValidator
    {
        /// <param name="url">The URL as the generated code built it (not yet normalised by <see cref="Uri"/>).</param>
        /// <param name="baseUrl">The base address it starts with, ending in <c>/</c>.</param>
        public static void Validate(string url, string baseUrl)
        {
            if (!url.StartsWith(baseUrl, StringComparison.Ordinal)) return;
            var queryStart = url.IndexOf('?');
            var path = queryStart < 0 ? url.Substring(baseUrl.Length) : url.Substring(baseUrl.Length, queryStart - baseUrl.Length);
            ValidatePath(path);
            if (queryStart >= 0) ValidateQuery(url.Substring(queryStart + 1));
        }

        private static void ValidatePath(string path)
        {
            var segments = path.Split('/');
            var parameterName = path.StartsWith("v1/async-actions", StringComparison.Ordinal) ? "asyncActionId" : "customerId";
            // segments: "v1", collection, [id, [sub-resource]]; an id is never the first two.
            for (var i = 2; i < segments.Length; i++)
            {
                var decoded = Uri.UnescapeDataString(segments[i]);
                if (string.IsNullOrWhiteSpace(decoded))
                    throw new ArgumentException($"The {parameterName} must not be empty or whitespace.", parameterName);
                if (decoded == "." || decoded == "..")
                    throw new ArgumentException($"The {parameterName} '{decoded}' cannot be addressed in a URL path.", parameterName);
            }
        }

        private static void ValidateQuery(string query)
        {
            foreach (var pair in query.Split('&'))
            {
                var equals = pair.IndexOf('=');
                if (equals <= 0) continue;
                var name = Uri.UnescapeDataString(pair.Substring(0, equals));
                var value = Uri.UnescapeDataString(pair.Substring(equals + 1));
                if (name == "limit") EnsureRange("limit", value, 1, 100);
                else if (name == "page") EnsureRange("page", value, 1, 99);
            }
        }

        private static void EnsureRange(string name, string value, int min, int max)
        {
            if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
                throw new ArgumentOutOfRangeException(name, value, $"The API accepts {name} from {min} to {max}.");
        }
    }
}
