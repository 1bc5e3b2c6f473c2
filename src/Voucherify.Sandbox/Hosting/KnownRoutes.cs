using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Voucherify.Sandbox.Hosting;

/// <summary>
/// The mapped routes and their methods, so that a request the router could not match is told apart: a known path
/// with another method is the API's 405 (with <c>Allow</c>), anything else its 404.
/// </summary>
internal sealed class KnownRoutes(IEnumerable<EndpointDataSource> sources)
{
    private readonly Lazy<List<(Regex Path, string Method)>> _routes = new(() => sources
        .SelectMany(source => source.Endpoints.OfType<RouteEndpoint>())
        .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            .Select(method => (Pattern(endpoint.RoutePattern.RawText ?? ""), method)))
        .ToList());

    /// <summary>The methods the request's path accepts; empty when no route has this path.</summary>
    public IReadOnlyList<string> MethodsFor(PathString path) =>
        _routes.Value.Where(route => route.Path.IsMatch(path.Value ?? "")).Select(route => route.Method).Distinct().ToList();

    // "/v1/customers/{customerId}" → ^/v1/customers/[^/]+$
    private static Regex Pattern(string template) =>
        new("^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]*}", "[^/]+") + "/?$", RegexOptions.CultureInvariant);
}
