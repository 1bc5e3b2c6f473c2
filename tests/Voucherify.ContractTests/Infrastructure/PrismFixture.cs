namespace Voucherify.ContractTests.Infrastructure;

/// <summary>
/// Starts one Prism for the whole <see cref="PrismCollection"/> and stops it (the node process tree) at the end.
/// When the vendor's description or the Prism executable is missing, nothing starts and every test skips with
/// <see cref="SkipReason"/>, so the repository still tests on machines without them.
/// </summary>
public sealed class PrismFixture : IAsyncLifetime
{
    private PrismServer? _server;

    /// <summary>Why the Prism tests cannot run here, or null when Prism is serving.</summary>
    public string? SkipReason { get; private set; }

    internal Uri BaseUri => _server?.BaseUri ?? throw new InvalidOperationException(SkipReason ?? "Prism is not running.");

    public async Task InitializeAsync()
    {
        SkipReason = RepositoryFiles.MissingOfficialDescription()
            ?? (File.Exists(RepositoryFiles.Prism) ? null : $"Prism is not installed at {RepositoryFiles.Prism} (run `npm ci` in .ci/tools).");
        if (SkipReason is null)
            _server = await PrismServer.StartAsync(RepositoryFiles.Prism, RepositoryFiles.OfficialDescription);
    }

    /// <summary>
    /// A client of the public API pointed at Prism. <paramref name="prefer"/> is sent as the <c>Prefer</c> header
    /// (<c>dynamic=true</c>, <c>example=…</c>); every request Prism finds invalid fails the call with its violations.
    /// </summary>
    internal VoucherifyClient CreateClient(string? prefer = null) =>
        new(new VoucherifyClientOptions { ApplicationId = "contract-app-id", SecretKey = "contract-secret-key", BaseUri = BaseUri },
            new PrismViolationGuard(prefer, () => _server?.Output ?? string.Empty) { InnerHandler = new SocketsHttpHandler() });

    public Task DisposeAsync()
    {
        _server?.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class PrismCollection : ICollectionFixture<PrismFixture>
{
    public const string Name = "Prism serving the vendor's description";
}
