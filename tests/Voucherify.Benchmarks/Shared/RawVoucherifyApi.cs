using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using Newtonsoft.Json;

namespace Voucherify.Benchmarks.Shared;

/// <summary>
/// The hand-written limit the client is measured against: one shared <see cref="HttpClient"/> with the same headers
/// set once as defaults, responses deserialized by Newtonsoft.Json straight from the response stream into the
/// client's own DTO types, a status check, nothing else.
/// </summary>
public sealed class RawVoucherifyApi : IDisposable
{
    // The client's JSON settings that matter for reading (see src/Voucherify/Serialization/VoucherifyJson.cs).
    private static readonly JsonSerializerSettings Settings = new()
    {
        DateParseHandling = DateParseHandling.None,
        MetadataPropertyHandling = MetadataPropertyHandling.Ignore,
        TypeNameHandling = TypeNameHandling.None,
        MaxDepth = 128,
    };

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

    /// <summary>The same User-Agent the client sends, so both requests carry identical headers.</summary>
    public static readonly ProductInfoHeaderValue UserAgent = new(
        "Voucherify.NET",
        typeof(VoucherifyClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");

    private readonly HttpClient _http;

    public RawVoucherifyApi(HttpClient http, string applicationId, string secretKey)
    {
        _http = http;
        _http.DefaultRequestHeaders.Add("X-App-Id", applicationId);
        _http.DefaultRequestHeaders.Add("X-App-Token", secretKey);
        _http.DefaultRequestHeaders.UserAgent.Add(UserAgent);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public Task<Customer> GetCustomerAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync<Customer>(new HttpRequestMessage(HttpMethod.Get, "v1/customers/" + Uri.EscapeDataString(id)), cancellationToken);

    public Task<CustomerList> ListCustomersAsync(int limit, string? order = null, DateTimeOffset? startingAfter = null, CancellationToken cancellationToken = default)
    {
        var url = "v1/customers?limit=" + limit;
        if (order is not null) url += "&order=" + order;
        if (startingAfter is { } cursor) url += "&starting_after=" + Uri.EscapeDataString(cursor.ToString("o"));
        return SendAsync<CustomerList>(new HttpRequestMessage(HttpMethod.Get, url), cancellationToken);
    }

    public Task<Customer> CreateCustomerAsync(CustomerCreateOptions body, CancellationToken cancellationToken = default) =>
        SendAsync<Customer>(new HttpRequestMessage(HttpMethod.Post, "v1/customers")
        {
            Content = new StringContent(JsonConvert.SerializeObject(body, Settings), Encoding.UTF8, "application/json"),
        }, cancellationToken);

    public Task<AsyncActionStarted> ImportCustomersFromCsvAsync(Stream csv, string fileName, CancellationToken cancellationToken = default)
    {
        var file = new StreamContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        // The same part headers the client sends: quoted name and filename, no filename*.
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = "\"" + fileName + "\"" };
        var form = new MultipartFormDataContent { file };
        return SendAsync<AsyncActionStarted>(new HttpRequestMessage(HttpMethod.Post, "v1/customers/importCSV") { Content = form }, cancellationToken);
    }

    public Task<AsyncAction> GetAsyncActionAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync<AsyncAction>(new HttpRequestMessage(HttpMethod.Get, "v1/async-actions/" + Uri.EscapeDataString(id)), cancellationToken);

    private async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        using (var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
        {
            response.EnsureSuccessStatusCode();
            using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var reader = new JsonTextReader(new StreamReader(stream));
            return Serializer.Deserialize<T>(reader) ?? throw new InvalidOperationException("The response body was empty.");
        }
    }

    public void Dispose() => _http.Dispose();
}
