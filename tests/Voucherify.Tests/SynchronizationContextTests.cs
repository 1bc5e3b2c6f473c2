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

        var call = StartOn(context, () => ApiOperations.All[operation](client));
        await Record.ExceptionAsync(() => call);

        Assert.True(call.IsCompleted);
        Assert.True(context.Posts == 0, context.First);
    }

    private static readonly AsyncActionWaitOptions QuickPolls = new() { InitialDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(5) };

    /// <summary>
    /// The helpers built on the operations, each started on the caller's context. Walks are consumed with
    /// <c>ConfigureAwait(false)</c>, as a caller on such a thread must, so only the library could post back.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, Func<VoucherifyClient, Task>> Helpers = new Dictionary<string, Func<VoucherifyClient, Task>>
    {
        ["wait-for-completion"] = c => c.AsyncActions.WaitForCompletionAsync("aa_1", QuickPolls),
        ["list-all-customers"] = c => DrainAsync(c.Customers.ListAllCustomersAsync()),
        ["list-all-customer-activity"] = c => DrainAsync(c.Customers.ListAllCustomerActivityAsync("cust_1")),
        ["list-all-customer-redeemables"] = c => DrainAsync(c.Customers.ListAllCustomerRedeemablesAsync("cust_1")),
        ["import-csv-file"] = c => WithCsvFileAsync(path => c.Customers.ImportCustomersFromCsvAsync(path)),
        ["import-csv-file-and-wait"] = c => WithCsvFileAsync(path => c.Customers.ImportCustomersFromCsvAndWaitAsync(path, QuickPolls)),
        ["import-csv-stream-and-wait"] = c => c.Customers.ImportCustomersFromCsvAndWaitAsync(new MemoryStream("Source_id\ns\n"u8.ToArray()), "x.csv", QuickPolls),
        ["update-customers-in-batches"] = c => c.Customers.UpdateCustomersInBatchesAsync(
            [new CustomerBulkUpdateItem { SourceId = "s" }], new BulkUpdateOptions { WaitOptions = QuickPolls }),
        ["update-customers-metadata-in-batches"] = c => c.Customers.UpdateCustomersMetadataInBatchesAsync(
            ["s"], new Dictionary<string, object> { ["k"] = 1 }, new BulkUpdateOptions { WaitOptions = QuickPolls }),
    };

    public static TheoryData<string> HelperNames => new(Helpers.Keys);

    [Theory]
    [MemberData(nameof(HelperNames))]
    public async Task A_helper_started_on_a_callers_context_never_posts_back_to_it(string helper)
    {
        var transport = new MockHttpMessageHandler();
        using var client = new VoucherifyClient(TestClient.Options(), transport);
        var polls = 0;
        transport.Fallback.Respond(async request =>
        {
            await Task.Delay(5).ConfigureAwait(false);
            var path = request.RequestUri!.AbsolutePath;
            // A job is in progress at its first poll, so every wait sleeps between polls at least once.
            var body = path.StartsWith("/v1/async-actions/", StringComparison.Ordinal)
                ? $$"""{"id":"aa_1","status":"{{(Interlocked.Increment(ref polls) == 1 ? "IN_PROGRESS" : "DONE")}}","progress":50}"""
                : request.Method == HttpMethod.Post ? """{"async_action_id":"aa_1"}"""
                : path == "/v1/customers" ? """{"customers":[{"id":"cust_1","created_at":"2024-01-01T00:00:00Z"}],"total":1,"has_more":false}"""
                : """{"data":[{"id":"r_1"}],"total":1,"has_more":false}""";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        });
        var context = new RecordingContext();

        await StartOn(context, () => Helpers[helper](client));

        Assert.True(context.Posts == 0, context.First);
    }

    /// <summary>Starts the call with <paramref name="context"/> current, as on a UI thread, and returns it unawaited.</summary>
    private static Task StartOn(SynchronizationContext context, Func<Task> start)
    {
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            return start();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }
    }

    private static async Task DrainAsync<T>(IAsyncEnumerable<T> items)
    {
        var count = 0;
        await foreach (var _ in items.ConfigureAwait(false)) count++;
        Assert.Equal(1, count);
    }

    private static async Task WithCsvFileAsync(Func<string, Task> import)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sync-context-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "Source_id\ns\n");
        try
        {
            await import(path).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(path);
        }
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
