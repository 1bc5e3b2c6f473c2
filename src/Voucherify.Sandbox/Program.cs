using System.Globalization;
using Voucherify.Sandbox;
using Voucherify.Sandbox.Faults;
using Voucherify.Sandbox.Hosting;

// The standalone server: `dotnet run --project src/Voucherify.Sandbox -f net10.0 -- --port 5089 [--app-id ID] [--secret-key KEY]
// [--job-duration-ms N] [--latency-ms N] [--seed FILE] [--fault JSON]… [--rate-limit N[/SECONDS]]`. It runs until Ctrl+C, printing where it listens and what it accepts.
var options = new VoucherifySandboxOptions { Port = 5089 };
string? seedPath = null;
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    switch (args[i])
    {
        case "--port": options.Port = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--app-id": options.ApplicationId = Value(); break;
        case "--secret-key": options.SecretKey = Value(); break;
        case "--job-duration-ms": options.JobDuration = TimeSpan.FromMilliseconds(int.Parse(Value(), CultureInfo.InvariantCulture)); break;
        case "--latency-ms": options.Latency = TimeSpan.FromMilliseconds(int.Parse(Value(), CultureInfo.InvariantCulture)); break;
        case "--seed": seedPath = Value(); break;
        case "--rate-limit":
            // N requests a minute, or N/S: N requests every S seconds.
            var limit = Value().Split('/');
            options.RateLimit = new SandboxRateLimitOptions
            {
                PermitLimit = int.Parse(limit[0], CultureInfo.InvariantCulture),
                Window = limit.Length > 1 ? TimeSpan.FromSeconds(int.Parse(limit[1], CultureInfo.InvariantCulture)) : TimeSpan.FromMinutes(1),
            };
            break;
        case "--fault":
            if (FaultSpec.Parse(SandboxJson.Parse(Value()), out var problem) is not { } fault)
            {
                Console.Error.WriteLine($"--fault: {problem}");
                return 2;
            }
            options.Faults.Add(fault);
            break;
        default:
            Console.Error.WriteLine($"Unknown argument {args[i]}. Options: --port N, --app-id ID, --secret-key KEY, --job-duration-ms N, --latency-ms N, --seed FILE, --fault JSON, --rate-limit N[/SECONDS]");
            return 2;
    }
}

VoucherifySandbox sandbox;
try
{
    // A seed that cannot be loaded stops the server before it listens, naming the file, the JSON path and the reason.
    if (seedPath is not null) options.Seed = SandboxSeed.Load(seedPath);
    sandbox = await VoucherifySandbox.StartAsync(options);
}
catch (SandboxSeedException e)
{
    Console.Error.WriteLine($"The seed cannot be loaded: {e.Message}");
    return 3;
}
await using var running = sandbox;
// The standalone server owns its process, so it may return memory to the system after a burst (see IdleMemoryTrimmer).
await using var trimmer = new IdleMemoryTrimmer();
Console.WriteLine($"Voucherify sandbox listening on {running.BaseUri}");
Console.WriteLine($"  X-App-Id:    {options.ApplicationId}");
if (options.Seed is { } seed) Console.WriteLine($"  Seeded with {seed.Customers.Count} customer(s) from {seed.Origin}");
Console.WriteLine("  X-App-Token: the configured secret key (default sandbox-secret-key)");
Console.WriteLine("Press Ctrl+C to stop.");
// The host's console lifetime turns Ctrl+C and SIGTERM into a shutdown.
await running.WaitForShutdownAsync();
return 0;
