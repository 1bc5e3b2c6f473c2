using Newtonsoft.Json.Linq;

namespace Voucherify.ContractTests.Infrastructure;

/// <summary>
/// Sits at the bottom of the client's pipeline: adds the <c>Prefer</c> header and turns Prism's verdict on the
/// request into a <see cref="RequestRejectedByContractException"/>, so a failing test shows the violated rules
/// instead of a bare 422.
/// </summary>
internal sealed class PrismViolationGuard(string? prefer, Func<string> prismOutput) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (prefer != null) request.Headers.TryAddWithoutValidation("Prefer", prefer);
        var response = await SendToPrismAsync(request, cancellationToken);

        var requestViolations = RequestViolations(response);
        if (requestViolations.Count == 0 && (int)response.StatusCode == 422)
            requestViolations = ProblemViolations(await response.Content.ReadAsStringAsync(cancellationToken));
        if (requestViolations.Count > 0 || (int)response.StatusCode == 422)
        {
            throw new RequestRejectedByContractException(
                $"{request.Method} {request.RequestUri} does not conform to the vendor's description ({(int)response.StatusCode}):\n"
                + string.Join("\n", requestViolations));
        }
        return response;
    }

    /// <summary>
    /// Prism's data generator is retried this often before its failure is reported as the answer. It fails on about
    /// one activity response in five, so ten attempts make a run failing for it alone unlikely (0.2^10 per request).
    /// </summary>
    private const int MaxGeneratorAttempts = 10;

    /// <summary>
    /// Sends to Prism, retrying when its data generator fails. json-schema-faker inside Prism 5.16.0 sometimes throws
    /// on the vendor's large <c>oneOf</c> schemas (the activity events): Prism then answers 500 with one of its own
    /// problem types, or drops the connection. Neither is an answer of the contract, which declares no 500. Only body-less requests are retried,
    /// which is where it happens; anything else is reported with Prism's output (it exits on some malformed requests,
    /// such as unquoted multipart headers).
    /// </summary>
    private async Task<HttpResponseMessage> SendToPrismAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var retryable = attempt < MaxGeneratorAttempts && request.Content is null;
            var sending = attempt == 1 ? request : Clone(request);
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(sending, cancellationToken);
            }
            catch (HttpRequestException) when (retryable)
            {
                continue;
            }
            catch (HttpRequestException e)
            {
                throw new RequestRejectedByContractException($"{request.Method} {request.RequestUri}: Prism did not answer ({e.Message}).\n{prismOutput()}", e);
            }
            if (!retryable || !await IsGeneratorCrashAsync(response, cancellationToken)) return response;
            response.Dispose();
        }
    }

    private static async Task<bool> IsGeneratorCrashAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        (int)response.StatusCode == 500
        && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
        && (await response.Content.ReadAsStringAsync(cancellationToken)).Contains("\"type\":\"https://stoplight.io/prism/errors#", StringComparison.Ordinal);

    private static HttpRequestMessage Clone(HttpRequestMessage request)
    {
        var clone = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version };
        foreach (var header in request.Headers) clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        return clone;
    }

    /// <summary>
    /// When the operation declares no 422 of its own, Prism answers with a problem+json body listing the violations
    /// under <c>validation</c> (locations start at <c>query</c>, <c>body</c>, …).
    /// </summary>
    private static List<string> ProblemViolations(string body)
    {
        try
        {
            return (JObject.Parse(body)["validation"] as JArray)?.Select(v => Describe(v, skipLocationParts: 0)).ToList() ?? ["  " + body];
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return ["  " + body];
        }
    }

    private static string Describe(JToken violation, int skipLocationParts) =>
        $"  {string.Join('.', violation["location"]!.Values<string>().Skip(skipLocationParts))}: {violation["message"]} ({violation["severity"]})";

    private static List<string> RequestViolations(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("sl-violations", out var values)) return [];
        // Most headers list only the vendor's own example/schema mismatches on the response; skip parsing those.
        var header = string.Join(",", values);
        if (!header.Contains("\"location\":[\"request\"", StringComparison.Ordinal)) return [];
        // Prism prefixes long lists with "Too many violations! "; the JSON array follows.
        var start = header.IndexOf('[');
        try
        {
            return JArray.Parse(header[start..])
                .Where(v => (string?)v["location"]?[0] == "request")
                .Select(v => Describe(v, skipLocationParts: 1))
                .ToList();
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or ArgumentOutOfRangeException)
        {
            return ["  " + header];
        }
    }
}

/// <summary>Prism rejected (or could not read) a request the client sent.</summary>
internal sealed class RequestRejectedByContractException(string message, Exception? inner = null) : Exception(message, inner);
