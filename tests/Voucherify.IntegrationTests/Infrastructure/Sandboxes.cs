using Voucherify.Sandbox;

namespace Voucherify.IntegrationTests.Infrastructure;

/// <summary>Starts sandboxes for tests and builds clients whose every response is checked against the spec.</summary>
internal static class Sandboxes
{
    /// <summary>Fast jobs: still observable in every state, but done well within a test's patience.</summary>
    public static VoucherifySandboxOptions FastJobs() => new()
    {
        JobQueueDelay = TimeSpan.FromMilliseconds(50),
        JobDuration = TimeSpan.FromMilliseconds(200),
    };

    public static Task<VoucherifySandbox> StartAsync(VoucherifySandboxOptions? options = null) =>
        VoucherifySandbox.StartAsync(options ?? FastJobs());

    /// <summary>A client of <paramref name="sandbox"/> that checks every response against the spec.</summary>
    public static VoucherifyClient CheckedClient(this VoucherifySandbox sandbox, VoucherifyClientOptions? options = null) =>
        new(options ?? sandbox.CreateClientOptions(), new SpecCheckingHandler(new SocketsHttpHandler { AllowAutoRedirect = false }));

    /// <summary>
    /// Plain HTTP with the sandbox's default credentials, for what the typed client will not send (explicit nulls,
    /// oversized or malformed bodies). Responses to spec paths are still checked, unless <paramref name="checkSpec"/> is false.
    /// </summary>
    public static HttpClient RawHttpClient(this VoucherifySandbox sandbox, bool checkSpec = true)
    {
        HttpMessageHandler transport = new SocketsHttpHandler();
        var http = new HttpClient(checkSpec ? new SpecCheckingHandler(transport) : transport) { BaseAddress = sandbox.BaseUri };
        var credentials = sandbox.CreateClientOptions();
        http.DefaultRequestHeaders.Add("X-App-Id", credentials.ApplicationId);
        http.DefaultRequestHeaders.Add("X-App-Token", credentials.SecretKey);
        return http;
    }

    /// <summary>Waiting options that poll often, for jobs that take a fraction of a second.</summary>
    public static AsyncActionWaitOptions QuickPolling(IProgress<AsyncAction>? progress = null) => new()
    {
        InitialDelay = TimeSpan.FromMilliseconds(20),
        MaxDelay = TimeSpan.FromMilliseconds(100),
        Timeout = TimeSpan.FromSeconds(30),
        Progress = progress,
    };
}
