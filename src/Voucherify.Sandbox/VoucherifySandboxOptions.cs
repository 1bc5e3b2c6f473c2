using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Voucherify.Sandbox;

/// <summary>
/// How a <see cref="VoucherifySandbox"/> behaves: the credentials it accepts, its port, how long its async jobs take,
/// and the faults it can simulate. Every member has a default, so <c>new VoucherifySandboxOptions()</c> just works.
/// </summary>
public sealed class VoucherifySandboxOptions
{
    /// <summary>The application id the sandbox accepts in <c>X-App-Id</c>. Default <c>sandbox-app-id</c>.</summary>
    public string ApplicationId { get; set; } = "sandbox-app-id";

    /// <summary>The secret key the sandbox accepts in <c>X-App-Token</c>. Default <c>sandbox-secret-key</c>.</summary>
    public string SecretKey { get; set; } = "sandbox-secret-key";

    /// <summary>The loopback port to listen on; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>
    /// How long a new async action stays <c>ENQUEUED</c> before the sandbox starts it (jobs also wait for the jobs queued
    /// before them, one at a time, as on the real service). Default 200 ms.
    /// </summary>
    public TimeSpan JobQueueDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How long an async action stays <c>IN_PROGRESS</c>, its work spread evenly over that time so that <c>progress</c>
    /// climbs from 0 to 100. Default 1 s. <see cref="TimeSpan.Zero"/> finishes a job as soon as it starts.
    /// </summary>
    public TimeSpan JobDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A delay added before every response, to simulate a distant server. Default none.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// The request limit: the sandbox answers 429 once clients exceed it, and every response carries the
    /// <c>X-Rate-Limit-*</c> headers. Default null: a generous 100 000 requests a minute.
    /// </summary>
    public SandboxRateLimitOptions? RateLimit { get; set; }

    /// <summary>
    /// Customers (with segments, redeemables and activity) the sandbox starts with. Default none. A seed that cannot be
    /// loaded makes <see cref="VoucherifySandbox.StartAsync"/> throw <see cref="SandboxSeedException"/>.
    /// </summary>
    public SandboxSeed? Seed { get; set; }

    /// <summary>
    /// How many requests <see cref="VoucherifySandbox.Requests"/> keeps; the oldest is dropped first. Default 1000; 0
    /// records nothing.
    /// </summary>
    public int JournalCapacity { get; set; } = 1000;

    /// <summary>
    /// How many bytes of each request body <see cref="VoucherifySandbox.Requests"/> keeps as <see cref="SandboxRequest.Body"/>;
    /// the rest is counted in <see cref="SandboxRequest.BodyLength"/> but not kept. Default 64 KiB.
    /// </summary>
    public int JournalBodyBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// About how much memory <see cref="VoucherifySandbox.Requests"/> may hold in all (bodies, headers, paths); beyond it
    /// the oldest requests are dropped, as beyond <see cref="JournalCapacity"/>. Default 32 MiB.
    /// </summary>
    public long JournalBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Faults injected from the start (see <see cref="SandboxFault"/>); more can be added with <see cref="VoucherifySandbox.AddFault"/>.</summary>
    public IList<SandboxFault> Faults { get; } = new List<SandboxFault>();

    /// <summary>
    /// The sandbox's clock: timestamps, job queueing and progress (<see cref="JobQueueDelay"/>, <see cref="JobDuration"/>,
    /// <c>processing_time</c>), rate-limit windows, <see cref="Latency"/> and fault delays all follow it. Default
    /// <see cref="TimeProvider.System"/>; give a <c>FakeTimeProvider</c> (Microsoft.Extensions.TimeProvider.Testing)
    /// to run a ten-minute import in milliseconds, deterministically.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The slowest request body Kestrel waits for (<see cref="KestrelServerLimits.MinRequestBodyDataRate"/>); slower
    /// ones are refused with the API's 408. Null keeps Kestrel's default, 240 bytes a second after a 5-second grace
    /// period; the sandbox's tests set a shorter grace period so that a stalled body is refused within seconds.
    /// </summary>
    internal MinDataRate? MinRequestBodyDataRate { get; set; }

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ApplicationId)) throw new ArgumentException("The sandbox needs an application id.", nameof(ApplicationId));
        if (string.IsNullOrWhiteSpace(SecretKey)) throw new ArgumentException("The sandbox needs a secret key.", nameof(SecretKey));
        if (Port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(Port), Port, "The port must be 0 (any free port) to 65535.");
        if (JobQueueDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(JobQueueDelay), JobQueueDelay, "The queue delay must not be negative.");
        if (JobDuration < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(JobDuration), JobDuration, "The job duration must not be negative.");
        if (Latency < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(Latency), Latency, "The latency must not be negative.");
        if (TimeProvider is null) throw new ArgumentNullException(nameof(TimeProvider), "The sandbox needs a time provider.");
        if (JournalCapacity < 0) throw new ArgumentOutOfRangeException(nameof(JournalCapacity), JournalCapacity, "The journal capacity must not be negative.");
        if (JournalBodyBytes < 0) throw new ArgumentOutOfRangeException(nameof(JournalBodyBytes), JournalBodyBytes, "The journal's body size must not be negative.");
        if (JournalBytes < 0) throw new ArgumentOutOfRangeException(nameof(JournalBytes), JournalBytes, "The journal's size must not be negative.");
        RateLimit?.Validate();
        foreach (var fault in Faults) fault.Validate();
    }
}
