using Microsoft.Extensions.DependencyInjection;
using Voucherify.Extensions.DependencyInjection;

namespace Voucherify.ReliabilityTests;

/// <summary>
/// The DI package's netstandard2.0 build registers named clients without keyed descriptors (which containers that predate
/// keyed services cannot read) and serves them through <see cref="IVoucherifyClientFactory"/>.
/// </summary>
public class NamedClientFactoryTests
{
    [Fact]
    public void A_named_client_comes_from_the_factory_and_no_keyed_descriptor_is_registered()
    {
        var services = new ServiceCollection();
        services.AddVoucherify("eu", options =>
        {
            options.ApplicationId = "eu-app-id";
            options.SecretKey = "eu-secret-key";
        });
        using var provider = services.BuildServiceProvider();

        var eu = provider.GetRequiredService<IVoucherifyClientFactory>().Get("eu");

        Assert.Equal("eu-app-id", eu.Options.ApplicationId);
        Assert.Same(eu, provider.GetRequiredService<IVoucherifyClientFactory>().Get("eu"));
        Assert.DoesNotContain(services, descriptor => descriptor.IsKeyedService);
    }
}
