using System.Globalization;
using Voucherify.Sandbox;

// The standalone server: `dotnet run --project src/Voucherify.Sandbox -- --port 5089 [--app-id ID] [--secret-key KEY]
// [--job-duration-ms N] [--latency-ms N]`. It runs until Ctrl+C, printing where it listens and what it accepts.
var options = new VoucherifySandboxOptions { Port = 5089 };
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
        default:
            Console.Error.WriteLine($"Unknown argument {args[i]}. Options: --port N, --app-id ID, --secret-key KEY, --job-duration-ms N, --latency-ms N");
            return 2;
    }
}

await using var sandbox = await VoucherifySandbox.StartAsync(options);
Console.WriteLine($"Voucherify sandbox listening on {sandbox.BaseUri}");
Console.WriteLine($"  X-App-Id:    {options.ApplicationId}");
Console.WriteLine("  X-App-Token: the configured secret key (default sandbox-secret-key)");
Console.WriteLine("Press Ctrl+C to stop.");
// The host's console lifetime turns Ctrl+C and SIGTERM into a shutdown.
await sandbox.WaitForShutdownAsync();
return 0;
