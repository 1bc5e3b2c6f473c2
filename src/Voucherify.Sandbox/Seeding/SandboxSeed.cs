using Voucherify.Sandbox.Seeding;

namespace Voucherify.Sandbox;

/// <summary>
/// Data a sandbox starts with (<see cref="VoucherifySandboxOptions.Seed"/>) or is given later
/// (<see cref="VoucherifySandbox.Seed"/>): customers as <c>GET /v1/customers/{id}</c> returns them, each optionally with
/// its segments, redeemables and activity. Missing ids and timestamps are generated when the seed is loaded.
/// </summary>
/// <example>
/// <code>
/// var seed = new SandboxSeed();
/// seed.Customers.Add(new SeedCustomer(new Customer { SourceId = "crm-1", Name = "Alice" })
/// {
///     Segments = { new CustomerSegment { Name = "VIP" } },
/// });
/// await using var sandbox = await VoucherifySandbox.StartAsync(new VoucherifySandboxOptions { Seed = seed });
/// </code>
/// </example>
public sealed class SandboxSeed
{
    /// <summary>The customers to load, in order (the order matters only for generated timestamps).</summary>
    public IList<SeedCustomer> Customers { get; } = new List<SeedCustomer>();

    /// <summary>
    /// Where the seed came from (a file path, or <c>seed</c> for one built in code); named in every
    /// <see cref="SandboxSeedException"/> about it.
    /// </summary>
    public string Origin { get; init; } = "seed";

    /// <summary>
    /// Reads a seed in the JSON format: <c>{"customers":[{…customer…, "segments":[…], "redeemables":[…], "activity":[…]}]}</c>.
    /// </summary>
    /// <param name="json">The seed's text.</param>
    /// <param name="origin">What to call the seed in errors, e.g. its file name.</param>
    /// <exception cref="SandboxSeedException">The text is not valid JSON or not a seed; it names the JSON path and the reason.</exception>
    public static SandboxSeed Parse(string json, string origin = "seed")
    {
        ArgumentNullException.ThrowIfNull(json);
        using var reader = new StringReader(json);
        return SeedReader.Read(reader, origin);
    }

    /// <summary>Reads a seed file in the JSON format described at <see cref="Parse"/>.</summary>
    /// <param name="path">The file's path; errors name it.</param>
    /// <exception cref="SandboxSeedException">The file is not a valid seed.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static SandboxSeed Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new StreamReader(path);
        return SeedReader.Read(reader, path);
    }
}
