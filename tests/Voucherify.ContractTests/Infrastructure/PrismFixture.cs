namespace Voucherify.ContractTests.Infrastructure;

/// <summary>
/// Starts Prism for the whole <see cref="PrismCollection"/> and stops it (the node process trees) at the end: one
/// process per core (at most two), because Prism is single-threaded node and generating the vendor's large activity
/// schemas is CPU-bound; the generated-response tests spread their requests over them.
/// When the vendor's description or the Prism executable is missing, nothing starts and every test skips with
/// <see cref="SkipReason"/>, so the repository still tests on machines without them.
/// </summary>
public sealed class PrismFixture : IAsyncLifetime
{
    private PrismServer[] _servers = [];

    /// <summary>Why the Prism tests cannot run here, or null when Prism is serving.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>How many Prism processes serve the description; pass 0 to this minus one to <see cref="CreateClient"/>.</summary>
    internal int ServerCount => _servers.Length;

    public async Task InitializeAsync()
    {
        SkipReason = RepositoryFiles.MissingOfficialDescription()
            ?? (File.Exists(RepositoryFiles.Prism) ? null : $"Prism is not installed at {RepositoryFiles.Prism} (run `npm ci` in .ci/tools).");
        if (SkipReason is null)
        {
            var starting = Enumerable.Range(0, Math.Clamp(Environment.ProcessorCount, 1, 2))
                .Select(_ => PrismServer.StartAsync(RepositoryFiles.Prism, RepositoryFiles.OfficialDescription)).ToList();
            try
            {
                _servers = await Task.WhenAll(starting);
            }
            finally
            {
                // One failed to start: stop the others too, and let the failure fail the tests.
                if (_servers.Length == 0)
                    foreach (var started in starting.Where(t => t.IsCompletedSuccessfully)) started.Result.Dispose();
            }
        }
    }

    /// <summary>
    /// A client of the public API pointed at Prism. <paramref name="prefer"/> is sent as the <c>Prefer</c> header
    /// (<c>dynamic=true</c>, <c>example=…</c>); every request Prism finds invalid fails the call with its violations.
    /// </summary>
    internal VoucherifyClient CreateClient(string? prefer = null, int server = 0)
    {
        if (_servers.Length == 0) throw new InvalidOperationException(SkipReason ?? "Prism is not running.");
        var prism = _servers[server];
        return new VoucherifyClient(
            new VoucherifyClientOptions
            {
                ApplicationId = "contract-app-id",
                SecretKey = "contract-secret-key",
                BaseUri = prism.BaseUri,
                // Each answer is checked as it comes; the guard alone retries Prism's own generator failures.
                Retry = new RetryOptions { MaxAttempts = 1 },
            },
            new PrismViolationGuard(prefer, () => prism.Output)
            {
                // Prism closes idle keep-alive connections after 5 s; reusing one it is closing resets the request.
                InnerHandler = new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(2), AllowAutoRedirect = false },
            });
    }

    public Task DisposeAsync()
    {
        foreach (var server in _servers) server.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class PrismCollection : ICollectionFixture<PrismFixture>
{
    public const string Name = "Prism serving the vendor's description";
}
