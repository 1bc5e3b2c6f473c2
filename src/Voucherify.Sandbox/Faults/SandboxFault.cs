using Voucherify.Sandbox.Faults;

namespace Voucherify.Sandbox;

/// <summary>
/// A fault the sandbox injects into matching requests: a status and body of your choosing, a delay, a connection
/// reset before or in the middle of the response, or a 429 with <c>Retry-After</c>; always, only the first
/// <see cref="Times"/> times, or with a <see cref="Probability"/> drawn from a seeded generator. Add one with
/// <see cref="VoucherifySandbox.AddFault"/> or <c>POST /_sandbox/faults</c>.
/// </summary>
/// <example>
/// The first two reads of any customer answer 503, then the sandbox answers normally:
/// <code>
/// sandbox.AddFault(new SandboxFault { OperationId = "get-customer", StatusCode = 503, Times = 2 });
/// </code>
/// </example>
public sealed record SandboxFault
{
    /// <summary>
    /// Only requests to this operation, by its id in the API reference (e.g. <c>get-customer</c>); any when null. An id
    /// no operation has is refused when the fault is added.
    /// </summary>
    public string? OperationId { get; init; }

    /// <summary>Only requests with this HTTP method (e.g. <c>GET</c>); any when null.</summary>
    public string? Method { get; init; }

    /// <summary>
    /// Only requests whose path (as sent, percent-encoded) equals this, or starts with what precedes a trailing
    /// <c>*</c> (e.g. <c>/v1/customers/*</c>); any when null. A path no operation's route can produce is refused when
    /// the fault is added.
    /// </summary>
    public string? Path { get; init; }

    /// <summary>
    /// Answer this status instead of the endpoint's. Unless <see cref="Body"/> says otherwise, the body is the
    /// service's error shape for it (<c>{"code":503,"key":…,"message":…,"request_id":…}</c>).
    /// </summary>
    public int? StatusCode { get; init; }

    /// <summary>The body sent with <see cref="StatusCode"/>, as is (JSON or not).</summary>
    public string? Body { get; init; }

    /// <summary>Wait this long before answering (or before the reset). Default none.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Close the connection instead of answering, or part-way through the answer's body.</summary>
    public SandboxConnectionReset Reset { get; init; }

    /// <summary>
    /// Answer 429 with this <c>Retry-After</c> (whole seconds, rounded up), the rate-limit headers and the service's
    /// 429 body, whatever <see cref="StatusCode"/> says.
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Inject the fault only the first this many times it applies; always when null.</summary>
    public int? Times { get; init; }

    /// <summary>The chance (0 to 1) that a matching request gets the fault. Default 1.</summary>
    public double Probability { get; init; } = 1;

    /// <summary>Seeds the generator behind <see cref="Probability"/>, so a run can be repeated exactly.</summary>
    public int? Seed { get; init; }

    internal void Validate()
    {
        if (Problem() is { } problem) throw new ArgumentException(problem);
    }

    /// <summary>What makes the fault unusable, in a sentence; null when it is valid.</summary>
    internal string? Problem()
    {
        if (OperationId is not null && FaultTargets.OperationProblem(OperationId) is { } operation) return operation;
        if (Path is not null && FaultTargets.PathProblem(Path) is { } path) return path;
        if (StatusCode is < 100 or > 599) return "The status code must be 100 to 599.";
        if (Body is not null && StatusCode is null) return "A body needs a status code to go with it.";
        if (Delay < TimeSpan.Zero) return "The delay must not be negative.";
        if (RetryAfter < TimeSpan.Zero) return "Retry-After must not be negative.";
        if (Times < 1) return "Times must be at least 1 (null: always).";
        if (Probability is < 0 or > 1 || double.IsNaN(Probability)) return "The probability must be 0 to 1.";
        if (!Enum.IsDefined(Reset)) return "Unknown reset.";
        if (StatusCode is null && Delay == TimeSpan.Zero && Reset == SandboxConnectionReset.None && RetryAfter is null)
            return "A fault needs an effect: a status code, a delay, a reset or Retry-After.";
        return null;
    }
}
