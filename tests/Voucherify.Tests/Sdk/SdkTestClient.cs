namespace Voucherify.Tests.Sdk;

/// <summary>Options pointing at a fake base address, with the test credentials of <see cref="TestClient"/>.</summary>
internal static class SdkTestClient
{
    public static VoucherifyClientOptions Options() =>
        new() { ApplicationId = TestClient.ApplicationId, SecretKey = TestClient.SecretKey, BaseUri = new Uri(TestClient.BaseUrl) };

    public static VoucherifyClient Create(HttpMessageHandler transport) => new(Options(), transport);
}
