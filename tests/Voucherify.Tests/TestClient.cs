using Voucherify.Http;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Voucherify.Tests;

/// <summary>
/// A <see cref="VoucherifyClient"/> wired to a MockHttp handler, with credentials the tests can look for and a record
/// of every request that reached the transport (after the library's own handlers, so with the real headers).
/// </summary>
internal sealed class TestClient : IDisposable
{
    public const string ApplicationId = "app-id-123";
    public const string SecretKey = "secret-key-do-not-leak-9f8e7d";
    public const string BaseUrl = "https://api.test.voucherify.io";

    private readonly RecordingHandler _recorder;

    public TestClient(string baseUrl = BaseUrl)
    {
        Handler = new MockHttpMessageHandler();
        _recorder = new RecordingHandler(Handler);
        var options = Options(baseUrl);
        // Each test here pins down one exchange (MockHttp expectations match once); retries have their own suite.
        options.Retry = new RetryOptions { MaxAttempts = 1 };
        Client = new VoucherifyClient(options, _recorder);
    }

    public MockHttpMessageHandler Handler { get; }

    public VoucherifyClient Client { get; }

    public CustomersClient Customers => Client.Customers;

    public AsyncActionsClient AsyncActions => Client.AsyncActions;

    /// <summary>Every request that reached the transport, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _recorder.Requests;

    public static VoucherifyClientOptions Options(string baseUrl = BaseUrl) =>
        new() { ApplicationId = ApplicationId, SecretKey = SecretKey, BaseUri = new Uri(baseUrl) };

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    /// <summary>Expects one request to <see cref="BaseUrl"/> + <paramref name="path"/> carrying exactly <paramref name="query"/> (none by default).</summary>
    public MockedRequest Expect(HttpMethod method, string path, IEnumerable<KeyValuePair<string, string>>? query = null)
    {
        var expected = Handler.Expect(method, BaseUrl + path);
        // WithExactQueryString cannot express "no query at all": it reads an empty query as one empty pair.
        return query is null ? expected.With(request => request.RequestUri!.Query.Length == 0) : expected.WithExactQueryString(query);
    }

    /// <summary>Asserts that the one recorded request went out signed, naming the library, accepting JSON, and returns it.</summary>
    public RecordedRequest SingleSignedRequest()
    {
        var request = Assert.Single(Requests);
        request.AssertSignedJsonRequest();
        return request;
    }

    public void Dispose()
    {
        Client.Dispose();
        _recorder.Dispose();
        Handler.Dispose();
    }

    /// <summary>Sits between the library's pipeline and MockHttp and copies each request before it is answered.</summary>
    private sealed class RecordingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly List<RecordedRequest> _requests = [];

        public IReadOnlyList<RecordedRequest> Requests
        {
            get { lock (_requests) return _requests.ToList(); }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var recorded = await RecordedRequest.CopyAsync(request);
            lock (_requests) _requests.Add(recorded);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>What a request looked like on the wire: method, URI, headers (request and content) and body bytes.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public static async Task<RecordedRequest> CopyAsync(HttpRequestMessage request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers) headers[header.Key] = string.Join(", ", header.Value);
        var body = Array.Empty<byte>();
        if (request.Content is not null)
        {
            // Reading also fixes the multipart boundary and part headers as they will be sent.
            body = await request.Content.ReadAsByteArrayAsync();
            foreach (var header in request.Content.Headers) headers[header.Key] = string.Join(", ", header.Value);
        }
        return new RecordedRequest(request.Method, request.RequestUri!, headers, body);
    }

    /// <summary>The parts of a multipart/form-data body, split at the boundary its Content-Type names.</summary>
    public IReadOnlyList<MultipartPart> MultipartParts()
    {
        var contentType = MediaTypeHeaderValue.Parse(Header("Content-Type")!);
        Assert.Equal("multipart/form-data", contentType.MediaType);
        var boundary = contentType.Parameters.Single(parameter => parameter.Name == "boundary").Value!.Trim('"');
        // Latin-1 maps every byte to one char and back, so part bodies come out byte for byte.
        var sections = Encoding.Latin1.GetString(Body).Split("--" + boundary);
        Assert.Equal("", sections[0]);
        Assert.Equal("--\r\n", sections[^1]);
        return sections[1..^1].Select(MultipartPart.Parse).ToList();
    }

    /// <summary>The headers every API call must carry.</summary>
    public void AssertSignedJsonRequest()
    {
        Assert.Equal(TestClient.ApplicationId, Header("X-App-Id"));
        Assert.Equal(TestClient.SecretKey, Header("X-App-Token"));
        Assert.StartsWith("Voucherify.NET/", Header("User-Agent"));
        Assert.Equal("application/json", Header("Accept"));
    }

    /// <summary>The body is JSON equal to <paramref name="expectedJson"/>, sent as application/json.</summary>
    public void AssertJsonBody(string expectedJson)
    {
        Assert.StartsWith("application/json", Header("Content-Type"));
        JsonAssert.Equal(expectedJson, BodyText);
    }
}

/// <summary>One part of a multipart body: its header lines as sent, and its content bytes.</summary>
internal sealed record MultipartPart(IReadOnlyList<string> HeaderLines, byte[] Body)
{
    public static MultipartPart Parse(string section)
    {
        Assert.StartsWith("\r\n", section);
        Assert.EndsWith("\r\n", section);
        var headerEnd = section.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headerLines = section[2..headerEnd].Split("\r\n");
        return new MultipartPart(headerLines, Encoding.Latin1.GetBytes(section[(headerEnd + 4)..^2]));
    }
}

internal static class JsonAssert
{
    /// <summary>
    /// Structural equality: member order and whitespace do not matter, members and their types do; an absent member
    /// differs from a null one, and a date stays the exact string it was sent as.
    /// </summary>
    public static void Equal(string expectedJson, string actualJson)
    {
        var expected = Parse(expectedJson);
        var actual = Parse(actualJson);
        Assert.True(JToken.DeepEquals(expected, actual), $"JSON differs.\nExpected:\n{expected}\nActual:\n{actual}");
    }

    private static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }
}

internal static class MockedRequestExtensions
{
    /// <summary>Answers with a fixture file as application/json.</summary>
    public static void RespondWithFixture(this MockedRequest request, HttpStatusCode status, string fixture) =>
        request.Respond(status, "application/json", TestClient.Fixture(fixture));

    /// <summary>Answers with a JSON literal.</summary>
    public static void RespondWithJson(this MockedRequest request, HttpStatusCode status, string json) =>
        request.Respond(status, "application/json", json);
}

/// <summary>Query-string expectations written as <c>("name", "value")</c> pairs.</summary>
internal static class Query
{
    public static IEnumerable<KeyValuePair<string, string>> Of(params (string Name, string Value)[] pairs) =>
        pairs.Select(pair => new KeyValuePair<string, string>(pair.Name, pair.Value)).ToList();
}

/// <summary>
/// The spec's operations as the unit tests call them: the shared registry of sample calls (tests/Shared/OperationSamples.cs)
/// with what the generated descriptors and the spec say about each (route, id parameter, success status, body).
/// <c>OperationSampleTests</c> fails, naming the operation, when one has no sample.
/// </summary>
internal static class ApiOperations
{
    /// <summary>An operation addressed by an id in its path: <c>{Prefix}{escaped id}{Suffix}</c>.</summary>
    public sealed record IdOperation(string Prefix, string Suffix, string ParameterName, Func<VoucherifyClient, string, Task> Call);

    public static readonly IReadOnlyDictionary<string, IdOperation> ById = OperationCatalog.All
        .Where(d => d.IdParameters.Count == 1 && OperationSamples.ById.GetValueOrDefault(d.Id)?.WithId is not null)
        .ToDictionary(d => d.Id, d =>
        {
            var placeholder = "{" + d.IdParameters[0] + "}";
            var at = d.Route.IndexOf(placeholder, StringComparison.Ordinal);
            var call = OperationSamples.ById[d.Id].WithId!;
            return new IdOperation(d.Route[..at], d.Route[(at + placeholder.Length)..], d.IdParameters[0], (c, id) => call(c, id, CancellationToken.None));
        });

    public static readonly IReadOnlyDictionary<string, Func<VoucherifyClient, Task>> All =
        OperationSamples.All.ToDictionary(s => s.OperationId, s => (Func<VoucherifyClient, Task>)(c => s.Call.Run(c, CancellationToken.None)));

    public static TheoryData<string> AllNames => new(All.Keys);

    /// <summary>Every operation whose success answer has a JSON body (its descriptor names a response type).</summary>
    public static TheoryData<string> WithBodyNames => new(OperationCatalog.All.Where(d => d.Response is not null && All.ContainsKey(d.Id)).Select(d => d.Id));

    /// <summary>The status of the operation's success answer in the spec (202 for the job starters, 204 for delete, 200 otherwise).</summary>
    public static HttpStatusCode SuccessStatus(string operation) =>
        (HttpStatusCode)int.Parse(SpecDocument.SuccessStatus(SpecDocument.Operations().Single(o => o.Id == operation)));

    /// <summary>Calls the operation and returns what it returned.</summary>
    public static async Task<object> CallForResultAsync(string operation, VoucherifyClient client) =>
        (await OperationSamples.ById[operation].Call.Run(client, CancellationToken.None))!;

    public static TheoryData<string> ByIdNames => new(ById.Keys);
}

/// <summary>Request values several tests send, with the JSON each must become on the wire.</summary>
internal static class Samples
{
    public const string NewYorkAddressJson = """
        { "city": "New York", "state": "NY", "line_1": "123 Main St.", "line_2": "APT 3 BLG 4", "country": "United States", "postal_code": "10001" }
        """;

    public const string LanguageMetadataJson = """{ "lang": "en", "test": true }""";

    public static CustomerAddress NewYorkAddress() => new()
    {
        City = "New York",
        State = "NY",
        Line1 = "123 Main St.",
        Line2 = "APT 3 BLG 4",
        Country = "United States",
        PostalCode = "10001",
    };

    public static Dictionary<string, object> LanguageMetadata() => new() { ["lang"] = "en", ["test"] = true };
}
