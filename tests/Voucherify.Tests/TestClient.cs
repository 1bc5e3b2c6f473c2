using RichardSzalay.MockHttp;

namespace Voucherify.Tests;

/// <summary>A client wired to a MockHttp handler, with credentials the tests can look for.</summary>
internal sealed class TestClient : IDisposable
{
    public const string ApplicationId = "app-id-123";
    public const string SecretKey = "secret-key-do-not-leak-9f8e7d";
    public const string BaseUrl = "https://api.test.voucherify.io";

    public TestClient()
    {
        Handler = new MockHttpMessageHandler();
        Client = new VoucherifyClient(
            new VoucherifyClientOptions { ApplicationId = ApplicationId, SecretKey = SecretKey, BaseUri = new Uri(BaseUrl) },
            Handler);
    }

    public MockHttpMessageHandler Handler { get; }

    public VoucherifyClient Client { get; }

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public void Dispose()
    {
        Client.Dispose();
        Handler.Dispose();
    }
}
