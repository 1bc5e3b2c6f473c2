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
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            // Prism exits on some malformed requests (e.g. unquoted multipart headers); its output says why.
            throw new RequestRejectedByContractException($"{request.Method} {request.RequestUri}: Prism did not answer ({e.Message}).\n{prismOutput()}", e);
        }

        var requestViolations = RequestViolations(response);
        if (requestViolations.Count > 0 || (int)response.StatusCode == 422)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new RequestRejectedByContractException(
                $"{request.Method} {request.RequestUri} does not conform to the vendor's description ({(int)response.StatusCode}):\n"
                + string.Join("\n", requestViolations) + (requestViolations.Count == 0 ? body : string.Empty));
        }
        return response;
    }

    private static List<string> RequestViolations(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("sl-violations", out var values)) return [];
        return values.SelectMany(JArray.Parse)
            .Where(v => (string?)v["location"]?[0] == "request")
            .Select(v => $"  {string.Join('.', v["location"]!.Values<string>())}: {v["message"]} ({v["severity"]})")
            .ToList();
    }
}

/// <summary>Prism rejected (or could not read) a request the client sent.</summary>
internal sealed class RequestRejectedByContractException(string message, Exception? inner = null) : Exception(message, inner);
