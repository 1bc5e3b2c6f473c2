using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Voucherify.Sandbox.Customers;
using Voucherify.Sandbox.Faults;
using Voucherify.Sandbox.Hosting;
using Voucherify.Sandbox.Jobs;
using Voucherify.Sandbox.Journal;

namespace Voucherify.Sandbox;

/// <summary>
/// A local, in-memory stand-in for the Voucherify Customers API: a real HTTP server on a loopback port that answers
/// every operation of the client's spec with the same status codes and JSON as the service. Start one per test (or per test class), point
/// a <see cref="VoucherifyClient"/> at it with <see cref="CreateClient"/>, and dispose it to stop it.
/// </summary>
/// <example>
/// <code>
/// await using var sandbox = await VoucherifySandbox.StartAsync();
/// using var client = sandbox.CreateClient();
/// var customer = await client.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "crm-1" });
/// </code>
/// </example>
public sealed class VoucherifySandbox : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly AsyncActionQueue _jobs;
    private readonly CustomerStore _store;
    private readonly RequestJournal _journal;
    private readonly FaultInjector _faults;
    private readonly VoucherifySandboxOptions _options;
    private int _disposed;

    private VoucherifySandbox(WebApplication app, AsyncActionQueue jobs, CustomerStore store, RequestJournal journal, FaultInjector faults, VoucherifySandboxOptions options, Uri baseUri)
    {
        _faults = faults;
        _app = app;
        _jobs = jobs;
        _store = store;
        _journal = journal;
        _options = options;
        BaseUri = baseUri;
    }

    /// <summary>The sandbox's root address, e.g. <c>http://127.0.0.1:5089/</c>; requests go to <c>{BaseUri}v1/…</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>
    /// The requests received so far, oldest first (at most <see cref="VoucherifySandboxOptions.JournalCapacity"/> of them,
    /// and about <see cref="VoucherifySandboxOptions.JournalBytes"/> of memory), each
    /// recorded once it was answered: method, path and query as sent, headers with the secret masked, body, file parts
    /// and status. A snapshot: later requests do not change it.
    /// </summary>
    public IReadOnlyList<SandboxRequest> Requests => _journal.Snapshot();

    /// <summary>Empties <see cref="Requests"/>, e.g. between the arrange and the act of a test.</summary>
    public void ClearRequests() => _journal.Clear();

    /// <summary>
    /// Injects a fault into the requests it matches, from now on. Faults are tried in the order they were added; the
    /// first that matches and fires applies.
    /// </summary>
    /// <param name="fault">What to match and what to do.</param>
    /// <exception cref="ArgumentException">
    /// The fault has no effect, a value out of range, or an operation id or path no request can have (the message lists
    /// the valid ones).
    /// </exception>
    public void AddFault(SandboxFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        _faults.Add(fault);
    }

    /// <summary>Removes every injected fault; the sandbox answers normally again.</summary>
    public void ClearFaults() => _faults.Clear();

    /// <summary>Starts a sandbox with empty state and returns once it accepts requests.</summary>
    /// <param name="options">Credentials, port, job timing and simulated faults; defaults when null.</param>
    /// <param name="cancellationToken">Abandons the start.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="SandboxSeedException"><see cref="VoucherifySandboxOptions.Seed"/> cannot be loaded; the sandbox does not start.</exception>
    /// <exception cref="IOException">The requested port is in use.</exception>
    public static async Task<VoucherifySandbox> StartAsync(VoucherifySandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new VoucherifySandboxOptions();
        options.Validate();
        var clock = new SandboxClock(options.TimeProvider);
        var store = new CustomerStore(clock, options.ApplicationId);
        if (options.Seed is { } seed) store.Seed(seed);
        var jobs = new AsyncActionQueue(clock, options.JobQueueDelay, options.JobDuration);
        var journal = new RequestJournal(options.JournalCapacity, options.JournalBytes);
        var faults = new FaultInjector(options.TimeProvider);
        foreach (var fault in options.Faults) faults.Add(fault);
        var app = SandboxApp.Build(options, store, jobs, clock, journal, faults);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            await jobs.DisposeAsync();
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new VoucherifySandbox(app, jobs, store, journal, faults, options, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>
    /// Adds the seed's customers (with their segments, redeemables and activity) to the running sandbox, all or none.
    /// </summary>
    /// <param name="seed">Customers built in code or read with <see cref="SandboxSeed.Load"/> / <see cref="SandboxSeed.Parse"/>.</param>
    /// <exception cref="SandboxSeedException">
    /// A customer's id or source_id is already taken (by the seed or the sandbox), or a required member is missing;
    /// nothing of the seed is added.
    /// </exception>
    public void Seed(SandboxSeed seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        _store.Seed(seed);
    }

    /// <summary>Client options that reach this sandbox with the credentials it accepts.</summary>
    public VoucherifyClientOptions CreateClientOptions() => new()
    {
        ApplicationId = _options.ApplicationId,
        SecretKey = _options.SecretKey,
        BaseUri = BaseUri,
    };

    /// <summary>A new client for this sandbox. The caller disposes it (before or after the sandbox, either works).</summary>
    public VoucherifyClient CreateClient() => new(CreateClientOptions());

    /// <summary>The endpoints the server routes to (the operations of the spec and the sandbox's own), for its tests.</summary>
    internal IEnumerable<Endpoint> Endpoints => ((IEndpointRouteBuilder)_app).DataSources.SelectMany(source => source.Endpoints);

    /// <summary>Resolves when the host is told to stop (Ctrl+C or SIGTERM when run standalone).</summary>
    internal Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    /// <summary>Stops the server and the job queue and discards all state.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _jobs.DisposeAsync();
    }
}
