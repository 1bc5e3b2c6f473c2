using System.Globalization;
using Voucherify.Benchmarks.Shared;
using Voucherify.Http;
using Voucherify.Serialization;

namespace Voucherify.Benchmarks.Budgets;

/// <summary>
/// Where a get-customer call's time and allocation go, component by component: the handler pipeline built up from the
/// transport one handler at a time (each row is what that handler adds), the deserialization of the staged body on its
/// own, and the rest of the call (the generated method and its base class) as the difference to the whole client.
/// </summary>
internal static class PipelineAttribution
{
    private sealed record Row(string Component, string Where, Func<Task> Call);

    public static async Task ReportAsync(int rounds, int batch)
    {
        var transport = new CannedResponseHandler(Payloads.CustomerJson);
        var options = BenchmarkClients.Options();
        var uri = new Uri(BenchmarkClients.ApiBase, "v1/customers/" + Payloads.CustomerId);
        using var client = BenchmarkClients.Client(transport);
        var layers = new (string Component, string Where, Func<HttpMessageHandler, DelegatingHandler> Wrap)[]
        {
            ("authentication and User-Agent headers", "Http/ApiHeadersHandler.cs", inner => new ApiHeadersHandler(options) { InnerHandler = inner }),
            ("attempt: timer, origin check, body staged into pooled chunks", "Http/AttemptHandler.cs", inner => new AttemptHandler(options.AttemptTimeout, options.MaxResponseBytes, options.BaseUri, options.TimeProvider) { InnerHandler = inner }),
            ("retries and the call's deadline: replay class, rate-limit headers", "Http/RetryHandler.cs, CallDeadline.cs", inner => new RetryHandler(options.Retry.Clone(), new RateLimitTracker(), options.TimeProvider, options.CallTimeout) { InnerHandler = inner }),
            ("telemetry: activity and duration (no listener)", "Http/TelemetryHandler.cs", inner => new TelemetryHandler { InnerHandler = inner }),
        };
        var rows = new List<Row> { new("transport (in memory) and a request message", "benchmark", Send(new NoDispose(transport), uri)) };
        HttpMessageHandler stack = new NoDispose(transport);
        foreach (var (component, where, wrap) in layers)
        {
            stack = wrap(stack);
            rows.Add(new Row("+ " + component, where, Send(stack, uri)));
        }
        var staged = await StagedBodyAsync(transport, uri);
        var redactor = new SecretRedactor(options.SecretKey);
        var deserialize = new Row("deserialization of the staged body (reader, DTOs)", "Serialization/ResponseBody.cs", () => { ResponseBody.Read<Customer>(staged, redactor); return Task.CompletedTask; });
        var whole = new Row("whole client call", "", () => client.Customers.GetCustomerAsync(Payloads.CustomerId));

        Console.WriteLine();
        Console.WriteLine("Where a get-customer call goes (each pipeline row: what that handler adds to the ones below it)");
        Console.WriteLine("| component | where | µs per call | B per call |");
        Console.WriteLine("|---|---|---:|---:|");
        var (previousMicros, previousBytes) = (0.0, 0L);
        foreach (var row in rows)
        {
            var (micros, bytes) = await MeasureAsync(row.Call, rounds, batch);
            Print(row, micros - previousMicros, bytes - previousBytes);
            (previousMicros, previousBytes) = (micros, bytes);
        }
        var (deserializeMicros, deserializeBytes) = await MeasureAsync(deserialize.Call, rounds, batch);
        Print(deserialize, deserializeMicros, deserializeBytes);
        var (wholeMicros, wholeBytes) = await MeasureAsync(whole.Call, rounds, batch);
        Print(new Row("generated method and base class: URL, request, descriptor, status check", "Generated/, VoucherifyClientBase.cs", whole.Call),
            wholeMicros - previousMicros - deserializeMicros, wholeBytes - previousBytes - deserializeBytes);
        Print(whole, wholeMicros, wholeBytes);
        staged.Dispose();
    }

    private static void Print(Row row, double micros, long bytes) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {row.Component} | {row.Where} | {micros:F2} | {bytes:N0} |"));

    private static Func<Task> Send(HttpMessageHandler handler, Uri uri)
    {
        var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
        return async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            RequestState.SetOperation(request, CustomersClient.Operations.GetCustomer);
            using var response = await invoker.SendAsync(request, CancellationToken.None);
        };
    }

    private static async Task<HttpResponseMessage> StagedBodyAsync(HttpMessageHandler transport, Uri uri)
    {
        using var invoker = new HttpMessageInvoker(new NoDispose(transport), disposeHandler: false);
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        var response = await invoker.SendAsync(request, CancellationToken.None);
        await PooledBodyContent.LoadAsync(response, request, long.MaxValue, CancellationToken.None);
        return response;
    }

    /// <summary>Median CPU time per call over the rounds, and exact bytes per call.</summary>
    private static async Task<(double Micros, long Bytes)> MeasureAsync(Func<Task> call, int rounds, int batch)
    {
        for (var i = 0; i < batch * 4; i++) await call();
        var times = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var start = ProcessCpuClock.NowMicroseconds();
            for (var i = 0; i < batch; i++) await call();
            times.Add((ProcessCpuClock.NowMicroseconds() - start) / batch);
        }
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < batch; i++) await call();
        return (Statistics.Median(times), (GC.GetTotalAllocatedBytes(precise: true) - before) / batch);
    }

    /// <summary>Keeps the shared canned transport alive when a measured stack is dropped.</summary>
    private sealed class NoDispose(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override void Dispose(bool disposing)
        {
        }
    }
}
