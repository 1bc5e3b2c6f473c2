using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Voucherify.Sandbox.Hosting;

namespace Voucherify.Sandbox.Faults;

/// <summary>
/// The middleware behind the gatekeeper that applies the first armed <see cref="SandboxFault"/> matching a request.
/// Faults are tried in the order they were added; one that does not fire (spent, or lost its draw) lets the next try.
/// </summary>
internal sealed class FaultInjector(TimeProvider time)
{
    private readonly object _gate = new();
    private readonly List<ArmedFault> _faults = [];
    // Read without the lock on every request: with no fault armed (the usual case) a request costs nothing here.
    private volatile int _count;

    public void Add(SandboxFault fault)
    {
        fault.Validate();
        lock (_gate)
        {
            _faults.Add(new ArmedFault(fault));
            _count = _faults.Count;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
            _count = 0;
        }
    }

    /// <summary>The faults with how often each has fired, in the order they were added.</summary>
    public IReadOnlyList<(SandboxFault Fault, int Fired)> Snapshot()
    {
        lock (_gate) return _faults.Select(f => (f.Fault, f.Fired)).ToArray();
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (AdminEndpoints.IsAdminPath(context.Request.Path) || Fire(context) is not { } fault)
        {
            await next(context);
            return;
        }
        if (fault.Delay > TimeSpan.Zero) await Task.Delay(fault.Delay, time, context.RequestAborted);
        if (fault.Reset == SandboxConnectionReset.BeforeResponse)
        {
            context.Abort();
            return;
        }
        (Stream Original, MemoryStream Buffer)? buffered = fault.Reset == SandboxConnectionReset.MidBody ? BufferResponse(context) : null;
        if (fault.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["X-Rate-Limit-Type"] = "api_calls";
            await ApiErrors.TooManyRequestsAsync(context);
        }
        else if (fault.StatusCode is { } status && fault.Body is { } body)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = body.TrimStart().StartsWith('{') || body.TrimStart().StartsWith('[') ? "application/json; charset=utf-8" : "text/plain; charset=utf-8";
            await context.Response.WriteAsync(body, context.RequestAborted);
        }
        else if (fault.StatusCode is { } errorStatus)
        {
            await ApiErrors.StatusAsync(context, errorStatus);
        }
        else
        {
            await next(context);
        }
        if (buffered is { } response) await SendHalfAndResetAsync(context, response);
    }

    private SandboxFault? Fire(HttpContext context)
    {
        if (_count == 0) return null;
        var operationId = context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
        var path = context.Features.Get<IHttpRequestFeature>()?.RawTarget?.Split('?')[0] ?? context.Request.Path.Value ?? "";
        lock (_gate)
        {
            foreach (var armed in _faults)
            {
                if (armed.Matches(context.Request.Method, operationId, path) && armed.TryFire()) return armed.Fault;
            }
        }
        return null;
    }

    /// <summary>Collects the response in memory, so that its true length can be announced before half of it is sent.</summary>
    private static (Stream Original, MemoryStream Buffer) BufferResponse(HttpContext context)
    {
        var original = context.Response.Body;
        var buffer = new MemoryStream();
        context.Response.Body = buffer;
        return (original, buffer);
    }

    private static async Task SendHalfAndResetAsync(HttpContext context, (Stream Original, MemoryStream Buffer) response)
    {
        context.Response.Body = response.Original;
        context.Response.ContentLength = response.Buffer.Length;
        await response.Original.WriteAsync(response.Buffer.GetBuffer().AsMemory(0, (int)(response.Buffer.Length / 2)), context.RequestAborted);
        await response.Original.FlushAsync(context.RequestAborted);
        // No Abort: its reset could overtake the half body on the wire. Ending the response short of its announced
        // length makes Kestrel close the connection once the half is sent, which the client sees as a cut-off body.
    }

    /// <summary>A fault with its firing count and, for a probability, its own seeded generator.</summary>
    private sealed class ArmedFault(SandboxFault fault)
    {
        private readonly Random _random = fault.Seed is { } seed ? new Random(seed) : new Random();

        public SandboxFault Fault { get; } = fault;

        public int Fired { get; private set; }

        public bool Matches(string method, string? operationId, string path) =>
            (Fault.OperationId is null || Fault.OperationId == operationId)
            && (Fault.Method is null || string.Equals(Fault.Method, method, StringComparison.OrdinalIgnoreCase))
            && (Fault.Path is null || (Fault.Path.EndsWith('*') ? path.StartsWith(Fault.Path[..^1], StringComparison.Ordinal) : path == Fault.Path));

        public bool TryFire()
        {
            if (Fault.Times is { } times && Fired >= times) return false;
            if (Fault.Probability < 1 && _random.NextDouble() >= Fault.Probability) return false;
            Fired++;
            return true;
        }
    }
}
