using System;

namespace Voucherify.Http
{
    /// <summary>
    /// Turns a request path into its route template (<c>/v1/customers/{customerId}/activity</c>) for span names, metric
    /// tags and log events: ids are personal data (a source id is often an e-mail address) and would make every
    /// customer its own metric series.
    /// </summary>
    /// <remarks>Compiled into the dependency-injection package as well (linked source), so it stays internal.</remarks>
    internal static class PathTemplate
    {
        public static string For(Uri? requestUri)
        {
            if (requestUri is null) return "/";
            var segments = requestUri.AbsolutePath.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            // A base address may carry a prefix (a proxy path); the API's routes start at "v1".
            var start = Array.IndexOf(segments, "v1");
            if (start < 0) return "/{path}";

            var template = new System.Text.StringBuilder();
            for (var i = start; i < segments.Length; i++)
                template.Append('/').Append(Name(segments, start, i - start));
            return template.ToString();
        }

        private static string Name(string[] segments, int start, int position)
        {
            var segment = segments[start + position];
            var collection = segments.Length > start + 1 ? segments[start + 1] : string.Empty;
            switch (position)
            {
                case 0:
                case 1:
                    return IsKnownWord(segment) ? segment : "{segment}";
                case 2 when collection == "async-actions":
                    return "{asyncActionId}";
                case 2 when collection == "customers":
                    var next = segments.Length > start + 3 ? segments[start + 3] : null;
                    var isRoute = segment == "importCSV" || ((segment == "bulk" || segment == "metadata") && next == "async");
                    return isRoute ? segment : "{customerId}";
                default:
                    return IsKnownWord(segment) ? segment : "{segment}";
            }
        }

        private static bool IsKnownWord(string segment) =>
            segment == "v1" || segment == "customers" || segment == "async-actions" || segment == "activity" || segment == "redeemables"
            || segment == "segments" || segment == "permanent-deletion" || segment == "async";
    }
}
