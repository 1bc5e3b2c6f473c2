namespace Voucherify.Benchmarks.Shared;

/// <summary>The credentials and client set-up shared by the benchmarks and budgets.</summary>
internal static class BenchmarkClients
{
    public const string ApplicationId = "bench-app-id";
    public const string SecretKey = "bench-secret-key";
    public static readonly Uri ApiBase = new("https://api.voucherify.io/");

    public static VoucherifyClientOptions Options(Uri? baseUri = null) =>
        new() { ApplicationId = ApplicationId, SecretKey = SecretKey, BaseUri = baseUri ?? ApiBase };

    /// <summary>The library client over an in-memory transport.</summary>
    public static VoucherifyClient Client(HttpMessageHandler transport) => new(Options(), transport);

    /// <summary>The hand-written baseline over the same transport.</summary>
    public static RawVoucherifyApi Raw(HttpMessageHandler transport) =>
        new(new HttpClient(transport, disposeHandler: false) { BaseAddress = ApiBase }, ApplicationId, SecretKey);
}
