namespace Voucherify.Sandbox.Tool;

/// <summary>What <c>voucherify-sandbox --help</c> prints; every option <see cref="SandboxCommandLine"/> reads is here.</summary>
internal static class Usage
{
    public const string Text = """
        Usage: voucherify-sandbox [options]

        A local, in-memory stand-in for the Voucherify Customers API on 127.0.0.1 (plain HTTP), for tests in any language.

        Options:
          --port N               Port to listen on, 0 to 65535; 0 picks a free one. Default 5089.
          --app-id ID            The X-App-Id it accepts. Default sandbox-app-id.
          --secret-key KEY       The X-App-Token it accepts. Default sandbox-secret-key.
          --seed FILE            Start with the customers (segments, redeemables, activity) in this JSON file.
          --job-duration-ms N    How long an async action (import, bulk update) stays IN_PROGRESS. Default 1000.
          --latency-ms N         A delay before every API response. Default 0.
          --rate-limit N[/S]     Allow N requests a minute, or N every S seconds; then 429. Default 100000/60.
          --fault JSON           Inject a fault from the start (repeatable), e.g.
                                 '{"operation_id":"get-customer","status_code":503,"times":2}'.
          --exit-with-parent     Stop when the process that started it exits (Linux, macOS).
          --version              Print the version and exit.
          -h, --help             Print this and exit.
        Values can also be given as --name=value.

        Once it accepts requests it prints (its first line on standard output)
          Now listening on: http://127.0.0.1:PORT
        and GET /_sandbox/health answers 200 {"status":"ok"} without credentials.
        Ctrl+C or SIGTERM stops it.

        Exit codes: 0 stopped (or --help, --version); 1 unexpected error; 2 bad command line or the port cannot be
        listened on (in use); 3 the seed file is not a valid seed.
        """;
}
