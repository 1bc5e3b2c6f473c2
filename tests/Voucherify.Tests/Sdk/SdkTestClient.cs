namespace Voucherify.Tests.Sdk;

/// <summary>A client over any transport, with the credentials of <see cref="TestClient"/> and retries off (one exchange per call).</summary>
internal static class SdkTestClient
{
    public static VoucherifyClient Create(HttpMessageHandler transport)
    {
        var options = TestClient.Options();
        options.Retry = new RetryOptions { MaxAttempts = 1 };
        return new VoucherifyClient(options, transport);
    }
}
