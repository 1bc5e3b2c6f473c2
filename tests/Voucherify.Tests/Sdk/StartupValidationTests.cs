extern alias VoucherifyDI;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VoucherifyDI::Voucherify.Extensions.DependencyInjection;

namespace Voucherify.Tests.Sdk;

/// <summary>Options are validated when the host starts, in messages that name the configuration key to fix.</summary>
public sealed class StartupValidationTests
{
    private static IHost Build(Dictionary<string, string?> settings, Action<IHostApplicationBuilder>? register = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        if (register is null) builder.Services.AddVoucherify(builder.Configuration.GetSection("Voucherify"));
        else register(builder);
        return builder.Build();
    }

    private static async Task<OptionsValidationException> StartFailsAsync(IHost host)
    {
        using (host) return await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    [Fact]
    public async Task A_missing_secret_fails_the_start_naming_its_configuration_key()
    {
        var error = await StartFailsAsync(Build(new() { ["Voucherify:ApplicationId"] = TestClient.ApplicationId }));

        Assert.Equal("Voucherify:SecretKey is required (the X-App-Token of your API key pair).", error.Message);
    }

    [Fact]
    public async Task A_misspelt_section_fails_the_start_instead_of_the_first_request()
    {
        var error = await StartFailsAsync(Build(new()
        {
            ["Voucherfy:ApplicationId"] = TestClient.ApplicationId,
            ["Voucherfy:SecretKey"] = TestClient.SecretKey,
        }));

        Assert.Equal("Voucherify:ApplicationId is required (the X-App-Id of your API key pair).", error.Message);
    }

    [Theory]
    [InlineData("ApplicationId", "set VOUCHERIFY__APPLICATIONID")]
    [InlineData("SecretKey", "set VOUCHERIFY__SECRETKEY (a user secret or the environment, never this file)")]
    public async Task A_placeholder_left_in_appsettings_does_not_pass_for_a_credential(string key, string placeholder)
    {
        var settings = new Dictionary<string, string?> { ["Voucherify:ApplicationId"] = TestClient.ApplicationId, ["Voucherify:SecretKey"] = TestClient.SecretKey };
        settings["Voucherify:" + key] = placeholder;

        var error = await StartFailsAsync(Build(settings));

        Assert.Equal($"Voucherify:{key} contains a space at position 3: it looks like a placeholder, not a value from the Voucherify dashboard (whose ids and keys have no spaces).", error.Message);
    }

    [Fact]
    public async Task A_nested_retry_setting_is_named_by_its_key()
    {
        var error = await StartFailsAsync(Build(new()
        {
            ["Voucherify:ApplicationId"] = TestClient.ApplicationId,
            ["Voucherify:SecretKey"] = TestClient.SecretKey,
            ["Voucherify:Retry:MaxAttempts"] = "0",
        }));

        Assert.Equal("Voucherify:Retry:MaxAttempts must be at least 1 (1 turns retries off).", error.Message);
    }

    [Fact]
    public async Task A_named_client_set_in_code_is_named_with_the_property()
    {
        var error = await StartFailsAsync(Build(new(), builder => builder.Services.AddVoucherify("eu", options => options.ApplicationId = TestClient.ApplicationId)));

        Assert.Equal("Voucherify client \"eu\": VoucherifyClientOptions.SecretKey is required (the X-App-Token of your API key pair).", error.Message);
    }

    [Fact]
    public async Task Valid_options_start()
    {
        using var host = Build(new()
        {
            ["Voucherify:ApplicationId"] = TestClient.ApplicationId,
            ["Voucherify:SecretKey"] = TestClient.SecretKey,
            ["Voucherify:BaseUri"] = TestClient.BaseUrl,
        });

        await host.StartAsync();

        Assert.Equal(TestClient.ApplicationId, host.Services.GetRequiredService<IVoucherifyClient>().Options.ApplicationId);
        await host.StopAsync();
    }
}
