using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Voucherify.Extensions.DependencyInjection;

namespace Voucherify.ReliabilityTests;

/// <summary>
/// A server on one loopback port answers with a redirect to a second loopback listener (another origin). The API key
/// must never reach the second listener, and its answer must never reach the caller.
/// </summary>
public sealed class RedirectTests : IAsyncLifetime
{
    private FaultServer _api = null!;
    private FaultServer _elsewhere = null!;

    public enum ClientKind
    {
        DefaultConstructor,
        HandlerConstructor,
        DependencyInjection,
    }

    /// <summary>A GET, a create, a bulk POST and a CSV import: the routes that carry the key with and without a body.</summary>
    public static readonly string[] RedirectedOperations = { "get", "create (no id)", "bulk update", "import CSV (seekable)" };

    public static TheoryData<ClientKind, string, int> NotFollowedCases()
    {
        var data = new TheoryData<ClientKind, string, int>();
        foreach (var kind in Enum.GetValues<ClientKind>())
            foreach (var operation in RedirectedOperations)
                foreach (var status in new[] { 302, 307 })
                    data.Add(kind, operation, status);
        return data;
    }

    public static TheoryData<string, int> FollowedCases()
    {
        var data = new TheoryData<string, int>();
        foreach (var operation in RedirectedOperations)
            foreach (var status in new[] { 302, 307 })
                data.Add(operation, status);
        return data;
    }

    public async Task InitializeAsync()
    {
        _api = await FaultServer.StartAsync();
        _elsewhere = await FaultServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _elsewhere.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(NotFollowedCases))]
    public async Task A_redirect_to_another_origin_is_not_followed_and_fails_with_its_status_and_location(ClientKind kind, string operation, int status)
    {
        var (api, elsewhere, target) = RedirectingScenario(status);
        using var owner = CreateClient(kind, _api.BaseUriOf(api));

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => Run(operation, owner.Client));

        Assert.Equal(status, error.StatusCode);
        Assert.Contains(target.GetLeftPart(UriPartial.Authority), error.Message);
        Assert.Single(api.Requests); // a 3xx is not retried
        Assert.True(elsewhere.Requests.Count == 0, $"The other origin received {elsewhere.Requests.Count} request(s), with X-App-Id/X-App-Token: {Headers(elsewhere)}");
        Samples.AssertNoSecret(error);
    }

    [Theory]
    [MemberData(nameof(FollowedCases))]
    public async Task A_caller_HttpClient_that_follows_a_redirect_gets_a_redirect_exception_and_never_the_other_hosts_answer(string operation, int status)
    {
        var (api, elsewhere, target) = RedirectingScenario(status);
        using var http = new HttpClient(); // AllowAutoRedirect is true by default: the library cannot see or change it
        using var client = new VoucherifyClient(http, Options(_api.BaseUriOf(api)));

        var error = await Assert.ThrowsAsync<VoucherifyRedirectException>(() => Run(operation, client));

        Assert.Equal(new Uri(target.GetLeftPart(UriPartial.Authority)), error.RedirectedTo);
        Assert.Contains(_api.Address.GetLeftPart(UriPartial.Authority), error.Message);
        Assert.Single(elsewhere.Requests); // it did answer, and its answer was discarded, not retried
        Assert.Single(api.Requests);
        Samples.AssertNoSecret(error);
    }

    [Fact]
    public void A_transport_handler_that_follows_redirects_is_refused_with_the_setting_to_change()
    {
        var options = Options(_api.Address);

        var sockets = Assert.Throws<ArgumentException>(() => new VoucherifyClient(options, new SocketsHttpHandler()));
        var below = Assert.Throws<ArgumentException>(() => new VoucherifyClient(options, new PassThrough { InnerHandler = new HttpClientHandler() }));

        Assert.Contains("AllowAutoRedirect", sockets.Message);
        Assert.Equal("transport", sockets.ParamName);
        Assert.Contains("HttpClientHandler", below.Message);
        using var accepted = new VoucherifyClient(options, new PassThrough { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false } });
    }

    [Fact]
    public void A_registration_whose_primary_handler_follows_redirects_is_refused_when_the_client_is_resolved()
    {
        var services = new ServiceCollection();
        services.AddVoucherify(o => Configure(o, _api.Address)).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler());
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<VoucherifyClient>());

        Assert.Contains("AllowAutoRedirect", error.Message);
    }

    /// <summary>The API scenario redirects every request to the same path on the other listener, whose scenario answers like the API.</summary>
    private (FaultServer.Scenario Api, FaultServer.Scenario Elsewhere, Uri Target) RedirectingScenario(int status)
    {
        var elsewhere = _elsewhere.AddScenario(Fault.None);
        var target = _elsewhere.BaseUriOf(elsewhere);
        var api = _api.AddScenario((context, relative) =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = new Uri(target, relative).AbsoluteUri;
            return Task.CompletedTask;
        });
        return (api, elsewhere, target);
    }

    private static Task Run(string operation, VoucherifyClient client) =>
        OperationSamples.AllCalls.Single(o => o.Name == operation).Run(client, CancellationToken.None);

    private static string Headers(FaultServer.Scenario scenario) =>
        string.Join("; ", scenario.Requests.Select(r => string.Join(",", r.Headers.Keys.Where(k => k.StartsWith("X-App", StringComparison.OrdinalIgnoreCase)))));

    private static VoucherifyClientOptions Options(Uri baseUri)
    {
        var options = new VoucherifyClientOptions();
        Configure(options, baseUri);
        return options;
    }

    private static void Configure(VoucherifyClientOptions options, Uri baseUri)
    {
        options.ApplicationId = Samples.ApplicationId;
        options.SecretKey = Samples.SecretKey;
        options.BaseUri = baseUri;
        options.CallTimeout = TimeSpan.FromSeconds(20);
    }

    /// <summary>Owns what a client kind needs (the DI container) and disposes it with the client.</summary>
    private static ClientOwner CreateClient(ClientKind kind, Uri baseUri)
    {
        switch (kind)
        {
            case ClientKind.DefaultConstructor:
                return new ClientOwner(new VoucherifyClient(Options(baseUri)), null);
            case ClientKind.HandlerConstructor:
                return new ClientOwner(new VoucherifyClient(Options(baseUri), new SocketsHttpHandler { AllowAutoRedirect = false }), null);
            default:
                var services = new ServiceCollection();
                services.AddVoucherify(o => Configure(o, baseUri));
                var provider = services.BuildServiceProvider();
                return new ClientOwner(provider.GetRequiredService<VoucherifyClient>(), provider);
        }
    }

    private sealed class ClientOwner(VoucherifyClient client, IDisposable? container) : IDisposable
    {
        public VoucherifyClient Client { get; } = client;

        public void Dispose()
        {
            if (container is null) Client.Dispose();
            else container.Dispose();
        }
    }

    private sealed class PassThrough : DelegatingHandler;
}
