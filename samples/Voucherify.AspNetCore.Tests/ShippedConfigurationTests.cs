using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Options;

namespace Voucherify.AspNetCore.Tests;

/// <summary>The app as shipped: its appsettings.json holds no credentials, and it says so at start instead of sending blanks.</summary>
public sealed class ShippedConfigurationTests
{
    /// <summary>The app with its own appsettings.json only: credentials a developer set in the environment are left out.</summary>
    private sealed class ShippedApp : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) =>
            builder.ConfigureAppConfiguration(configuration =>
            {
                foreach (var environment in configuration.Sources.OfType<EnvironmentVariablesConfigurationSource>().ToList())
                    configuration.Sources.Remove(environment);
            });
    }

    [Fact]
    public void Without_credentials_the_app_does_not_start_and_names_the_key_to_set()
    {
        using var app = new ShippedApp();

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Equal("Voucherify:ApplicationId is required (the X-App-Id of your API key pair).", error.Message);
    }
}
