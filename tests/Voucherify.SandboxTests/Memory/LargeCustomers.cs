using Voucherify.Sandbox;

namespace Voucherify.SandboxTests.Memory;

/// <summary>A seed of customers whose metadata makes a page of them large, as a hostile or careless client would build.</summary>
internal static class LargeCustomers
{
    public const string Credentials = "X-App-Id: sandbox-app-id\r\nX-App-Token: sandbox-secret-key\r\n";

    /// <summary><paramref name="count"/> customers with <paramref name="metadataBytes"/> of metadata each (ten values).</summary>
    public static SandboxSeed Seed(int count, int metadataBytes)
    {
        var seed = new SandboxSeed();
        var value = new string('x', metadataBytes / 10);
        for (var i = 0; i < count; i++)
        {
            var metadata = Enumerable.Range(0, 10).ToDictionary(k => $"k{k}", object (_) => value);
            seed.Customers.Add(new SeedCustomer(new Customer { Id = $"cust_large{i:D4}", SourceId = $"large-{i}", Metadata = metadata }));
        }
        return seed;
    }
}
