using Voucherify.Sandbox;

namespace Voucherify.SandboxTests.Raw;

/// <summary>A fresh in-process sandbox for every test, started with <see cref="Options"/>, and a client of it.</summary>
public abstract class SandboxPerTest : IAsyncLifetime
{
    /// <summary>The test's sandbox.</summary>
    protected VoucherifySandbox Sandbox { get; private set; } = null!;

    /// <summary>A client of <see cref="Sandbox"/>, for reading its state back.</summary>
    protected VoucherifyClient Client { get; private set; } = null!;

    /// <summary>How the sandbox starts; the defaults unless a test class says otherwise.</summary>
    protected virtual VoucherifySandboxOptions Options() => new();

    public async Task InitializeAsync()
    {
        Sandbox = await VoucherifySandbox.StartAsync(Options());
        Client = Sandbox.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Sandbox.DisposeAsync();
    }

    /// <summary>Options whose seed holds one customer per source id, each named <c>Name of {source id}</c>.</summary>
    protected static VoucherifySandboxOptions Seeded(params string[] sourceIds)
    {
        var seed = new SandboxSeed();
        foreach (var sourceId in sourceIds) seed.Customers.Add(new SeedCustomer(new Customer { SourceId = sourceId, Name = "Name of " + sourceId }));
        return new VoucherifySandboxOptions { Seed = seed };
    }
}
