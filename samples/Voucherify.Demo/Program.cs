using Voucherify;
using Voucherify.Demo;
using Voucherify.Sandbox;

// `dotnet run --project samples/Voucherify.Demo [-- --allow-writes]`
// Without VOUCHERIFY_APP_ID / VOUCHERIFY_APP_TOKEN: starts a local sandbox in-process and walks the whole API.
// With them: the same walk against the real API (VOUCHERIFY_API_URL or the Europe region), read-only unless
// --allow-writes is passed; then every customer it creates carries a marked source_id and is permanently deleted.
var allowWrites = args.Contains("--allow-writes");
var unknown = args.Where(a => a != "--allow-writes").ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown argument(s): {string.Join(" ", unknown)}. The only option is --allow-writes.");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
var log = new StepLog(Console.Out, interactive: !Console.IsOutputRedirected);

var appId = Environment.GetEnvironmentVariable("VOUCHERIFY_APP_ID");
var appToken = Environment.GetEnvironmentVariable("VOUCHERIFY_APP_TOKEN");
try
{
    if (string.IsNullOrWhiteSpace(appId) || string.IsNullOrWhiteSpace(appToken))
    {
        // Short jobs so that the whole walk takes seconds, yet the progress line still has something to show.
        await using var sandbox = await VoucherifySandbox.StartAsync(new VoucherifySandboxOptions
        {
            JobQueueDelay = TimeSpan.FromMilliseconds(100),
            JobDuration = TimeSpan.FromMilliseconds(1200),
        }, cancel.Token);
        log.Title($"Voucherify.NET demo against a local sandbox at {sandbox.BaseUri} (no VOUCHERIFY_APP_ID/TOKEN set)");
        using var client = sandbox.CreateClient();
        await new DemoWalk(client, log, DemoScale.Sandbox).RunWritesAsync(cancel.Token);
    }
    else
    {
        var apiUrl = Environment.GetEnvironmentVariable("VOUCHERIFY_API_URL");
        using var client = new VoucherifyClient(new VoucherifyClientOptions
        {
            ApplicationId = appId,
            SecretKey = appToken,
            BaseUri = string.IsNullOrWhiteSpace(apiUrl) ? VoucherifyRegion.Europe : new Uri(apiUrl),
        });
        log.Title($"Voucherify.NET demo against {client.Options.BaseUri} ({(allowWrites ? "writes allowed: marked demo customers, cleaned up" : "read-only; pass --allow-writes to create and delete demo customers")})");
        var walk = new DemoWalk(client, log, DemoScale.RealApi);
        if (allowWrites) await walk.RunWritesAsync(cancel.Token);
        else await walk.RunReadOnlyAsync(cancel.Token);
    }
    log.Done();
    return 0;
}
catch (VoucherifyApiException e)
{
    log.Failure($"The API answered {e.StatusCode}: {e.Message}");
    return 1;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    log.Failure("Cancelled.");
    return 130;
}
