using System.Text;

namespace Voucherify.Tests;

/// <summary>
/// No call resumes on the caller's <see cref="SynchronizationContext"/> (a UI thread, classic ASP.NET): a caller that
/// blocks on a call from such a thread would otherwise deadlock, and every resume there costs the caller's thread.
/// </summary>
public class SynchronizationContextTests
{
    public static TheoryData<string, int> Answers()
    {
        var data = new TheoryData<string, int>();
        foreach (var operation in ApiOperations.All.Keys)
        {
            data.Add(operation, (int)ApiOperations.SuccessStatus(operation));
            data.Add(operation, 404);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task A_call_started_on_a_callers_context_never_posts_back_to_it(string operation, int status)
    {
        // MockHttp straight under the client: the test client's recording handler is test code and may resume anywhere.
        var transport = new MockHttpMessageHandler();
        using var client = new VoucherifyClient(TestClient.Options(), transport);
        var body = operation == "delete-customer" && status < 400 ? "" : status >= 400 ? """{"code":404,"message":"Not found"}""" : "{}";
        transport.Fallback.Respond(async () =>
        {
            // Answer later, from another thread, as a network would: the library's continuations then really resume.
            await Task.Delay(5).ConfigureAwait(false); // the transport is ours: it must not post either
            return new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        });
        var context = new RecordingContext();

        Task call;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            call = ApiOperations.All[operation](client);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }
        await Record.ExceptionAsync(() => call);

        Assert.True(call.IsCompleted);
        Assert.True(context.Posts == 0, context.First);
    }

    [Fact]
    public async Task Waiting_for_a_job_started_on_a_callers_context_never_posts_back_to_it()
    {
        var transport = new MockHttpMessageHandler();
        using var client = new VoucherifyClient(TestClient.Options(), transport);
        var polls = 0;
        transport.Fallback.Respond(async () =>
        {
            await Task.Delay(5).ConfigureAwait(false);
            var status = Interlocked.Increment(ref polls) < 3 ? "IN_PROGRESS" : "DONE";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent($$"""{"id":"aa_1","status":"{{status}}","progress":50}""", Encoding.UTF8, "application/json") };
        });
        var options = new AsyncActionWaitOptions { InitialDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(5) };
        var context = new RecordingContext();

        Task<AsyncAction> wait;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            wait = client.AsyncActions.WaitForCompletionAsync("aa_1", options);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }

        // Three polls and two delays between them, each resumed without the caller's context.
        Assert.Equal(AsyncActionStatus.Done, (await wait).Status);
        Assert.Equal(3, polls);
        Assert.True(context.Posts == 0, context.First);
    }

    /// <summary>Counts what is posted to it and runs it on the thread pool.</summary>
    private sealed class RecordingContext : SynchronizationContext
    {
        private int _posts;

        public int Posts => Volatile.Read(ref _posts);

        /// <summary>Where the first post came from, for the failure message.</summary>
        public string? First { get; private set; }

        public override void Post(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref _posts);
            First ??= Environment.StackTrace;
            ThreadPool.QueueUserWorkItem(_ => d(state));
        }
    }
}
