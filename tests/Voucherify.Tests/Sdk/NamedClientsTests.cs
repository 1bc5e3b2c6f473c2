extern alias VoucherifyDI;

using Microsoft.Extensions.DependencyInjection;
using Voucherify.Sandbox;
using VoucherifyDI::Voucherify.Extensions.DependencyInjection;

namespace Voucherify.Tests.Sdk;

/// <summary>Two Voucherify projects in one application: named clients, each against its own sandbox over real sockets.</summary>
public sealed class NamedClientsTests : IAsyncLifetime
{
    private VoucherifySandbox _eu = null!;
    private VoucherifySandbox _us = null!;

    public async Task InitializeAsync()
    {
        _eu = await VoucherifySandbox.StartAsync();
        _us = await VoucherifySandbox.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _eu.DisposeAsync();
        await _us.DisposeAsync();
    }

    private static Action<VoucherifyClientOptions> PointedAt(VoucherifySandbox sandbox) => options =>
    {
        var sandboxOptions = sandbox.CreateClientOptions();
        options.ApplicationId = sandboxOptions.ApplicationId;
        options.SecretKey = sandboxOptions.SecretKey;
        options.BaseUri = sandboxOptions.BaseUri;
    };

    private ServiceProvider EuAndUs()
    {
        var services = new ServiceCollection();
        services.AddVoucherify("eu", PointedAt(_eu));
        services.AddVoucherify("us", PointedAt(_us));
        services.AddSingleton<TwoRegions>();
        return services.BuildServiceProvider();
    }

    /// <summary>What an application's service looks like: each project injected by its key.</summary>
    private sealed class TwoRegions([FromKeyedServices("eu")] ICustomersClient eu, [FromKeyedServices("us")] ICustomersClient us)
    {
        public ICustomersClient Eu { get; } = eu;

        public ICustomersClient Us { get; } = us;
    }

    [Fact]
    public async Task Each_named_client_is_a_keyed_service_that_talks_to_its_own_project()
    {
        using var provider = EuAndUs();
        var regions = provider.GetRequiredService<TwoRegions>();

        await regions.Eu.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "crm-eu" });
        await regions.Us.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "crm-us" });

        Assert.Contains("crm-eu", Assert.Single(_eu.Requests).Body);
        Assert.Contains("crm-us", Assert.Single(_us.Requests).Body);
        Assert.Same(provider.GetRequiredKeyedService<VoucherifyClient>("eu").Customers, regions.Eu);
        Assert.Same(provider.GetRequiredKeyedService<IVoucherifyClient>("us").AsyncActions, provider.GetRequiredKeyedService<IAsyncActionsClient>("us"));
        Assert.Null(provider.GetService<ICustomersClient>()); // no unnamed client was registered
    }

    [Fact]
    public async Task The_factory_returns_the_same_named_clients_for_hosts_without_keyed_services()
    {
        using var provider = EuAndUs();
        var factory = provider.GetRequiredService<IVoucherifyClientFactory>();

        var us = factory.Get("us");
        await us.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "crm-us" });

        Assert.Same(provider.GetRequiredKeyedService<VoucherifyClient>("us"), us);
        Assert.Equal(_us.BaseUri, us.Options.BaseUri);
        Assert.Single(_us.Requests);
        Assert.Empty(_eu.Requests);
        var unknown = Assert.Throws<InvalidOperationException>(() => factory.Get("asia"));
        Assert.Equal("No Voucherify client named \"asia\" is registered (registered: \"eu\", \"us\"). Register it with services.AddVoucherify(\"asia\", …).", unknown.Message);
    }

    [Fact]
    public void A_second_unnamed_registration_is_refused_instead_of_replacing_the_first()
    {
        var services = new ServiceCollection();
        services.AddVoucherify(PointedAt(_eu));

        var error = Assert.Throws<InvalidOperationException>(() => services.AddVoucherify(PointedAt(_us)));

        Assert.StartsWith("AddVoucherify was called twice without a name: the second client would silently replace the first.", error.Message);
        Assert.Contains("AddVoucherify(\"eu\", …)", error.Message);
        Assert.Contains("[FromKeyedServices(\"eu\")]", error.Message);
    }

    [Fact]
    public void A_second_registration_of_the_same_name_is_refused()
    {
        var services = new ServiceCollection();
        services.AddVoucherify("eu", PointedAt(_eu));

        var error = Assert.Throws<InvalidOperationException>(() => services.AddVoucherify("eu", PointedAt(_us)));

        Assert.Equal("AddVoucherify(\"eu\", …) was called twice: the second client would silently replace the first. Give each client its own name.", error.Message);
    }

    [Fact]
    public async Task An_unnamed_and_a_named_client_live_side_by_side_each_with_its_own_handlers()
    {
        var services = new ServiceCollection();
        services.AddVoucherify(PointedAt(_eu));
        services.AddVoucherify("us", PointedAt(_us));
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ICustomersClient>().CreateCustomerAsync(new CustomerCreateOptions { SourceId = "crm-eu" });
        await provider.GetRequiredKeyedService<ICustomersClient>("us").CreateCustomerAsync(new CustomerCreateOptions { SourceId = "crm-us" });

        Assert.Contains("crm-eu", Assert.Single(_eu.Requests).Body);
        Assert.Contains("crm-us", Assert.Single(_us.Requests).Body);
        Assert.Same(provider.GetRequiredService<IVoucherifyClientFactory>().Get(""), provider.GetRequiredService<IVoucherifyClient>());
    }
}
