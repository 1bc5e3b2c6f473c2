using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Voucherify.Sandbox.Hosting;

namespace Voucherify.Sandbox.Faults;

/// <summary>
/// A <see cref="SandboxFault"/> as JSON, for <c>POST /_sandbox/faults</c> and <c>--fault</c>:
/// <c>{"operation_id","method","path","status_code","body","delay_ms","reset":"before_response"|"mid_body",
/// "retry_after_seconds","times","probability","seed"}</c>, every member optional.
/// </summary>
internal sealed class FaultSpec
{
    [JsonProperty("operation_id")] public string? OperationId { get; set; }
    [JsonProperty("method")] public string? Method { get; set; }
    [JsonProperty("path")] public string? Path { get; set; }
    [JsonProperty("status_code")] public int? StatusCode { get; set; }
    [JsonProperty("body")] public string? Body { get; set; }
    [JsonProperty("delay_ms")] public int? DelayMs { get; set; }
    [JsonProperty("reset")] public string? Reset { get; set; }
    [JsonProperty("retry_after_seconds")] public double? RetryAfterSeconds { get; set; }
    [JsonProperty("times")] public int? Times { get; set; }
    [JsonProperty("probability")] public double? Probability { get; set; }
    [JsonProperty("seed")] public int? Seed { get; set; }

    /// <summary>The longest Retry-After a fault may ask for: the header's whole seconds must fit in an int.</summary>
    private const int MaxRetryAfterSeconds = int.MaxValue;

    /// <summary>How often the fault has fired (only in what <c>GET /_sandbox/faults</c> answers).</summary>
    [JsonProperty("fired", NullValueHandling = NullValueHandling.Ignore)] public int? Fired { get; set; }

    /// <summary>The JSON form of a fault, as <c>GET /_sandbox/faults</c> lists it.</summary>
    public static FaultSpec From(SandboxFault fault, int? fired = null) => new()
    {
        OperationId = fault.OperationId,
        Method = fault.Method,
        Path = fault.Path,
        StatusCode = fault.StatusCode,
        Body = fault.Body,
        DelayMs = (int)fault.Delay.TotalMilliseconds,
        Reset = fault.Reset switch { SandboxConnectionReset.BeforeResponse => "before_response", SandboxConnectionReset.MidBody => "mid_body", _ => null },
        RetryAfterSeconds = fault.RetryAfter?.TotalSeconds,
        Times = fault.Times,
        Probability = fault.Probability,
        Seed = fault.Seed,
        Fired = fired,
    };

    /// <summary>The fault, checked; null with the reason when the JSON is not one.</summary>
    public static SandboxFault? Parse(JToken? json, out string? problem)
    {
        problem = null;
        if (json is not JObject || SandboxJson.TryConvert<FaultSpec>(json, out _) is not { } spec)
        {
            problem = "A fault is a JSON object: operation_id, method, path, status_code, body, delay_ms, reset, retry_after_seconds, times, probability, seed.";
            return null;
        }
        if (spec.Reset is not (null or "before_response" or "mid_body"))
        {
            problem = "reset must be before_response or mid_body.";
            return null;
        }
        // Checked before TimeSpan.FromSeconds, which throws on NaN and on values past TimeSpan's range (1e300).
        if (spec.RetryAfterSeconds is { } retryAfter && !(retryAfter >= 0 && retryAfter <= MaxRetryAfterSeconds))
        {
            problem = $"retry_after_seconds must be a number from 0 to {MaxRetryAfterSeconds}.";
            return null;
        }
        var fault = new SandboxFault
        {
            OperationId = spec.OperationId,
            Method = spec.Method,
            Path = spec.Path,
            StatusCode = spec.StatusCode,
            Body = spec.Body,
            Delay = TimeSpan.FromMilliseconds(spec.DelayMs ?? 0),
            Reset = spec.Reset switch { "before_response" => SandboxConnectionReset.BeforeResponse, "mid_body" => SandboxConnectionReset.MidBody, _ => SandboxConnectionReset.None },
            RetryAfter = spec.RetryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            Times = spec.Times,
            Probability = spec.Probability ?? 1,
            Seed = spec.Seed,
        };
        problem = fault.Problem();
        return problem is null ? fault : null;
    }
}
