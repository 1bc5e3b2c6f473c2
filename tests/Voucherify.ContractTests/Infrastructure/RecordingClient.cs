using RichardSzalay.MockHttp;

namespace Voucherify.ContractTests.Infrastructure;

/// <summary>A client whose requests go to MockHttp, which records them and answers with an empty list.</summary>
internal sealed class RecordingClient : IDisposable
{
    public const string BaseUrl = "https://api.contract.test";
    private readonly MockHttpMessageHandler _handler = new();
    private readonly List<Uri> _requested = [];

    public RecordingClient()
    {
        _handler.When("*").Respond(request =>
        {
            lock (_requested) _requested.Add(request.RequestUri!);
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                Content = new StringContent("""{"object":"list","data":[],"customers":[],"total":0,"has_more":false}""", System.Text.Encoding.UTF8, "application/json"),
            };
        });
        Client = new VoucherifyClient(new VoucherifyClientOptions { ApplicationId = "app", SecretKey = "secret", BaseUri = new Uri(BaseUrl) }, _handler);
    }

    public VoucherifyClient Client { get; }

    /// <summary>The query of the one request sent, exactly as it went on the wire (percent-encoded).</summary>
    public string SentQuery => Assert.Single(Requested).Query.TrimStart('?');

    public IReadOnlyList<Uri> Requested
    {
        get { lock (_requested) return _requested.ToList(); }
    }

    /// <summary>Splits a raw query into its pairs and decodes each, keeping their order.</summary>
    public static string[] DecodedPairs(string rawQuery) =>
        rawQuery.Length == 0 ? [] : rawQuery.Split('&').Select(Uri.UnescapeDataString).ToArray();

    public void Dispose()
    {
        Client.Dispose();
        _handler.Dispose();
    }
}
