extern alias SandboxPackage;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using SandboxPackage::Voucherify.Sandbox;

namespace Voucherify.AspNetCore.Tests;

/// <summary>
/// The sample app configured, as in production, from its "Voucherify" section, here pointing at a seeded sandbox;
/// its metrics also go to an in-memory exporter the tests read.
/// </summary>
public sealed class SampleAppFactory(VoucherifySandbox sandbox) : WebApplicationFactory<Program>
{
    public List<Metric> ExportedMetrics { get; } = new();

    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var options = sandbox.CreateClientOptions();
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Voucherify:ApplicationId"] = options.ApplicationId,
            ["Voucherify:SecretKey"] = options.SecretKey,
            ["Voucherify:BaseUri"] = sandbox.BaseUri.ToString(),
        }));
        builder.ConfigureServices(services =>
        {
            services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddInMemoryExporter(ExportedMetrics));
            services.AddSingleton<ILoggerProvider>(Logs);
        });
    }

    /// <summary>Three customers with history, as the tests expect them.</summary>
    public static SandboxSeed Seed()
    {
        var seed = new SandboxSeed();
        seed.Customers.Add(new SeedCustomer(new Customer { SourceId = "crm-alice", Name = "Alice Morgan", Email = "alice@example.com", Address = new CustomerAddress { City = "Warsaw" } }));
        seed.Customers.Add(new SeedCustomer(new Customer { SourceId = "crm-bob", Name = "Bob Stone", Email = "bob@example.com", Address = new CustomerAddress { City = "Berlin" } }));
        seed.Customers.Add(new SeedCustomer(new Customer { SourceId = "crm-carol", Name = "Carol White", Address = new CustomerAddress { City = "Warsaw" } }));
        return seed;
    }
}
