using Voucherify.Benchmarks.Shared;
using Voucherify.Sandbox;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Voucherify.Benchmarks.Sandbox;

/// <summary>
/// The two test doubles side by side in one process: the sandbox seeded with 100 full customers, and a WireMock.Net
/// stub that answers the same two requests (one customer, the page of 100) with the sandbox's own bodies, statically.
/// Run as a child process (<see cref="ChildCommand"/>), so that the load generator's CPU and garbage are not theirs.
/// </summary>
internal static class TestDoubles
{
    public const string ChildCommand = "serve-doubles";
    public const string GetPath = "v1/customers/crm-0000001", ListPath = "v1/customers?limit=100";

    public static async Task ServeUntilStdinClosesAsync()
    {
        var seed = new SandboxSeed();
        for (var i = 0; i < 100; i++)
        {
            var customer = Payloads.FullCustomer(i);
            customer.SourceId = $"crm-{i:D7}";
            seed.Customers.Add(new SeedCustomer(customer));
        }
        await using var sandbox = await VoucherifySandbox.StartAsync(new VoucherifySandboxOptions { Seed = seed, ApplicationId = BenchmarkClients.ApplicationId, SecretKey = BenchmarkClients.SecretKey,
            // Faster than the default limit of 100 000 a minute allows; the limit is still counted and its headers sent.
            RateLimit = new SandboxRateLimitOptions { PermitLimit = int.MaxValue },
        });
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        http.DefaultRequestHeaders.Add("X-App-Id", BenchmarkClients.ApplicationId);
        http.DefaultRequestHeaders.Add("X-App-Token", BenchmarkClients.SecretKey);
        var one = await http.GetByteArrayAsync(GetPath);
        var page = await http.GetByteArrayAsync(ListPath);

        using var wireMock = WireMockServer.Start(new WireMockServerSettings { StartAdminInterface = false });
        Stub(wireMock, "/" + GetPath, null, one);
        Stub(wireMock, "/v1/customers", "100", page);

        Console.WriteLine($"SANDBOX {sandbox.BaseUri}");
        Console.WriteLine($"WIREMOCK {wireMock.Url}/");
        Console.WriteLine($"BODIES {one.Length} {page.Length}");
        await Console.In.ReadToEndAsync();
        wireMock.Stop();
    }

    private static void Stub(WireMockServer server, string path, string? limit, byte[] body)
    {
        var request = Request.Create().WithPath(path).UsingGet().WithHeader("X-App-Id", BenchmarkClients.ApplicationId).WithHeader("X-App-Token", BenchmarkClients.SecretKey);
        if (limit is not null) request = request.WithParam("limit", limit);
        server.Given(request).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json; charset=utf-8").WithBody(body));
    }
}
