using System;
using System.Net.Http;

namespace Voucherify.Http
{
    /// <summary>
    /// Names a request for messages and logs as method plus path template (<c>GET /v1/customers/{customerId}</c>):
    /// ids are customer data (a <c>source_id</c> is often an e-mail address) and the query may carry filters,
    /// so neither is ever part of the name.
    /// </summary>
    /// <remarks>Compiled into the dependency-injection package as well (linked source), so it stays internal.</remarks>
    internal static class OperationName
    {
        /// <summary>The literal segments that may stand where an id could (<c>/v1/customers/bulk/async</c>, …).</summary>
        private static readonly string[] Literals = { "importCSV", "bulk", "metadata" };

        /// <param name="request">The request, with its absolute URI.</param>
        /// <param name="basePath">The path of the configured base URI (<c>/</c> or a proxy prefix), ending in <c>/</c>.</param>
        public static string Of(HttpRequestMessage request, string basePath) =>
            request.Method.Method + " " + Route(request, basePath);

        /// <summary>The path template alone (<c>/v1/customers/{customerId}</c>), for trace and metric tags and log properties.</summary>
        /// <param name="request">The request, with its absolute URI.</param>
        /// <param name="basePath">The path of the configured base URI, ending in <c>/</c>.</param>
        public static string Route(HttpRequestMessage request, string basePath) => "/" + Template(RelativePath(request, basePath));

        /// <summary>"1 attempt", "3 attempts": for messages.</summary>
        public static string Attempts(int attempts) => attempts == 1 ? "1 attempt" : attempts + " attempts";

        /// <summary>The request's path below the base URI, without slashes at either end (<c>v1/customers/bulk/async</c>).</summary>
        public static string RelativePath(HttpRequestMessage request, string basePath)
        {
            var path = request.RequestUri is null || !request.RequestUri.IsAbsoluteUri ? string.Empty : request.RequestUri.AbsolutePath;
            if (path.StartsWith(basePath, StringComparison.Ordinal)) path = path.Substring(basePath.Length);
            return path.Trim('/');
        }

        /// <summary>
        /// In this API an id only ever stands in the third segment (<c>v1/{collection}/{id}/…</c>); everything after it
        /// names a sub-resource.
        /// </summary>
        private static string Template(string path)
        {
            var segments = path.Split('/');
            if (segments.Length < 3 || Array.IndexOf(Literals, segments[2]) >= 0) return path;
            segments[2] = segments[1] switch
            {
                "customers" => "{customerId}",
                "async-actions" => "{asyncActionId}",
                _ => "{id}",
            };
            return string.Join("/", segments);
        }
    }
}
