using System.Net.Http.Headers;

namespace Voucherify.IntegrationTests.Infrastructure;

/// <summary>
/// Sits under the client in every integration test and fails the call (with <see cref="SpecViolationException"/>)
/// when a sandbox response breaks the OpenAPI contract, so no test can pass on a non-conforming answer.
/// </summary>
internal sealed class SpecCheckingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly List<int> _statusCodes = [];

    /// <summary>The status of every response that came through, in order (retried attempts included).</summary>
    public IReadOnlyList<int> StatusCodes
    {
        get { lock (_statusCodes) return _statusCodes.ToList(); }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        lock (_statusCodes) _statusCodes.Add((int)response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var violations = SpecResponseValidator.Shared.Check(
            request.Method.Method,
            request.RequestUri!.AbsolutePath,
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.ToString(),
            body);
        if (violations.Count > 0) throw new SpecViolationException(violations);

        // The body was consumed; hand the client an identical, re-readable copy.
        var copy = new StringContent(body);
        copy.Headers.Clear();
        foreach (var header in response.Content.Headers) copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        response.Content = copy;
        return response;
    }
}

/// <summary>A sandbox response that does not match <c>openapi/voucherify-customers.yaml</c>.</summary>
public sealed class SpecViolationException(IReadOnlyList<string> violations)
    : Exception("The sandbox answered outside the spec:" + Environment.NewLine + string.Join(Environment.NewLine, violations))
{
    public IReadOnlyList<string> Violations { get; } = violations;
}
