using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Voucherify.Benchmarks.Budgets;

/// <summary>
/// An async-actions endpoint for one job that runs for <paramref name="duration"/> from the handler's creation:
/// <c>IN_PROGRESS</c> with progress growing linearly until then, <c>DONE</c> afterwards. It reads the real clock
/// (the waiter sleeps for real), and counts the status requests.
/// </summary>
internal sealed class LinearJobHandler(TimeSpan duration) : HttpMessageHandler
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _requests;

    public TimeSpan Duration => duration;

    public int Requests => Volatile.Read(ref _requests);

    public TimeSpan Elapsed => _clock.Elapsed;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        var elapsed = _clock.Elapsed;
        var done = elapsed >= duration;
        var progress = done ? 100 : (int)(100 * elapsed.Ticks / duration.Ticks);
        var json = done
            ? $$"""{"id":"aa_linear","type":"CUSTOMERS.IMPORT_CSV","status":"DONE","progress":100,"processing_time":{{(long)duration.TotalMilliseconds}},"result":{"message":"1 customer(s) imported successfully, 0 failed.","failed":[]},"object":"async_action"}"""
            : $$"""{"id":"aa_linear","type":"CUSTOMERS.IMPORT_CSV","status":"IN_PROGRESS","progress":{{progress}},"object":"async_action"}""";
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
