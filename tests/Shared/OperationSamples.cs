using System.Text;

namespace Voucherify.TestSupport;

/// <summary>Which failures the client may send a sample call again after (what the reliability suite expects of it).</summary>
internal enum SampleReplay
{
    /// <summary>GET, PUT, DELETE, and create-customer with an id or source_id.</summary>
    Always,

    /// <summary>POSTs that could act twice: only when the connection was refused.</summary>
    OnlyIfNeverSent,

    /// <summary>The body is a stream that cannot be rewound.</summary>
    Never,
}

/// <summary>
/// One way of calling an operation through the public client, with fixed arguments; returns what the call returned
/// (null for none). The wrappers never resume on the caller's context, so context tests see only the library.
/// </summary>
internal sealed record SampleCall(string OperationId, string Name, SampleReplay Replay, Func<VoucherifyClient, CancellationToken, Task<object?>> Run)
{
    public override string ToString() => Name;
}

/// <summary>What the per-operation tests of every test project need of one operation of the spec.</summary>
/// <param name="OperationId">The spec's operationId.</param>
/// <param name="Calls">The calls, the first one the operation's plain call; further ones are variants the reliability suite tells apart.</param>
/// <param name="WithId">For an operation addressed by an id in its path: the plain call with the id given.</param>
/// <param name="AllNullFixture">The file under <c>tests/Voucherify.Tests/Fixtures/Tolerance</c> with every member of the response null; null for a body-less answer.</param>
internal sealed record OperationSample(
    string OperationId,
    IReadOnlyList<SampleCall> Calls,
    Func<VoucherifyClient, string, CancellationToken, Task<object?>>? WithId,
    string? AllNullFixture)
{
    /// <summary>The operation's plain call.</summary>
    public SampleCall Call => Calls[0];
}

/// <summary>
/// The one registry of sample calls, keyed by operation id, that every per-operation test uses: the unit tests'
/// error, tolerance, path and context checks, the reliability suite's fault matrix, parsing properties and descriptor
/// checks, and the contract tests against Prism. <c>OperationSampleTests</c> (tests/Voucherify.Tests) fails, naming the
/// operation, when the spec has an operation without a sample here or a sample lacks what its operation needs.
/// </summary>
internal static class OperationSamples
{
    /// <summary>
    /// Short waits so a job that never finishes is given up quickly. The timeout bounds the polls too, so it is longer
    /// than one timed-out attempt (2.5 s, LoopbackClient) plus a retry (or a 1 s Retry-After), and shorter than three.
    /// </summary>
    public static readonly AsyncActionWaitOptions FastWait = new()
    {
        InitialDelay = TimeSpan.FromMilliseconds(20),
        MaxDelay = TimeSpan.FromMilliseconds(50),
        Timeout = TimeSpan.FromMilliseconds(4500),
    };

    private const string CustomerFile = "customer-all-null.json";
    private const string JobStartedFile = "async-action-started-all-null.json";

    public static readonly IReadOnlyList<OperationSample> All =
    [
        Plain("create-customer", CustomerFile,
            Call("create (source_id)", SampleReplay.Always, (c, ct) => c.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "alice@example.com", Name = "Alice" }, ct)),
            Call("create (no id)", SampleReplay.OnlyIfNeverSent, (c, ct) => c.Customers.CreateCustomerAsync(new CustomerCreateOptions { Name = "Anonymous" }, ct))),
        Addressed("get-customer", "get", SampleReplay.Always, CustomerFile, "alice@example.com", (c, id, ct) => c.Customers.GetCustomerAsync(id, ct)),
        Addressed("update-customer", "update", SampleReplay.Always, CustomerFile, "cust_1", (c, id, ct) => c.Customers.UpdateCustomerAsync(id, new CustomerUpdateOptions { Name = "Alice B" }, ct)),
        Addressed<object?>("delete-customer", "delete", SampleReplay.Always, null, "cust_1", async (c, id, ct) =>
        {
            await c.Customers.DeleteCustomerAsync(id, ct).ConfigureAwait(false);
            return null;
        }),
        Addressed("customer-permanently-deletion", "permanent delete", SampleReplay.OnlyIfNeverSent, "permanent-deletion-all-null.json", "cust_1", (c, id, ct) => c.Customers.PermanentlyDeleteCustomerAsync(id, ct)),
        Plain("list-customers", "customers-list-all-null.json",
            Call("list", SampleReplay.Always, (c, ct) => c.Customers.ListCustomersAsync(cancellationToken: ct))),
        Addressed("list-customer-activity", "activity", SampleReplay.Always, "activity-list-all-null.json", "cust_1", (c, id, ct) => c.Customers.ListCustomerActivityAsync(id, cancellationToken: ct)),
        Addressed("list-customer-redeemables", "redeemables", SampleReplay.Always, "redeemables-list-all-null.json", "cust_1", (c, id, ct) => c.Customers.ListCustomerRedeemablesAsync(id, cancellationToken: ct)),
        Addressed("list-customer-segments", "segments", SampleReplay.Always, "segments-list-all-null.json", "cust_1", (c, id, ct) => c.Customers.ListCustomerSegmentsAsync(id, ct)),
        Plain("import-customers-using-csv", JobStartedFile,
            Call("import CSV (seekable)", SampleReplay.OnlyIfNeverSent, (c, ct) => c.Customers.ImportCustomersFromCsvAsync(new MemoryStream(Csv()), "customers.csv", ct)),
            Call("import CSV (forward-only)", SampleReplay.Never, (c, ct) => c.Customers.ImportCustomersFromCsvAsync(new ForwardOnlyStream(Csv()), "customers.csv", ct))),
        Plain("update-customers-in-bulk", JobStartedFile,
            Call("bulk update", SampleReplay.OnlyIfNeverSent, (c, ct) => c.Customers.UpdateCustomersInBulkAsync([new CustomerBulkUpdateItem { SourceId = "alice@example.com", Name = "Alice" }], ct))),
        Plain("update-customers-metadata-in-bulk", JobStartedFile,
            Call("metadata update", SampleReplay.OnlyIfNeverSent, (c, ct) => c.Customers.UpdateCustomersMetadataInBulkAsync(
                new CustomerMetadataBulkUpdateOptions { SourceIds = ["alice@example.com"], Metadata = new Dictionary<string, object> { ["tier"] = "gold" } }, ct))),
        Addressed("get-async-action", "get async action", SampleReplay.Always, "async-action-all-null.json", "aa_1", (c, id, ct) => c.AsyncActions.GetAsyncActionAsync(id, ct),
            Call("wait for async action", SampleReplay.Always, (c, ct) => c.AsyncActions.WaitForCompletionAsync("aa_1", FastWait, ct))),
    ];

    public static readonly IReadOnlyDictionary<string, OperationSample> ById = All.ToDictionary(s => s.OperationId);

    /// <summary>Every call of every operation, variants included, in registry order.</summary>
    public static IReadOnlyList<SampleCall> AllCalls { get; } = All.SelectMany(s => s.Calls).ToList();

    /// <summary>A small import file: a header and one customer.</summary>
    public static byte[] Csv() => Encoding.UTF8.GetBytes("Source_id,Name,Email\nalice@example.com,Alice,alice@example.com\n");

    private static (string Name, SampleReplay Replay, Func<VoucherifyClient, CancellationToken, Task<object?>> Run) Call<T>(
        string name, SampleReplay replay, Func<VoucherifyClient, CancellationToken, Task<T>> run) =>
        (name, replay, async (c, ct) => await run(c, ct).ConfigureAwait(false));

    private static OperationSample Plain(string operationId, string? allNullFixture, params (string Name, SampleReplay Replay, Func<VoucherifyClient, CancellationToken, Task<object?>> Run)[] calls) =>
        new(operationId, calls.Select(c => new SampleCall(operationId, c.Name, c.Replay, c.Run)).ToList(), null, allNullFixture);

    private static OperationSample Addressed<T>(
        string operationId, string name, SampleReplay replay, string? allNullFixture, string id, Func<VoucherifyClient, string, CancellationToken, Task<T>> call,
        params (string Name, SampleReplay Replay, Func<VoucherifyClient, CancellationToken, Task<object?>> Run)[] variants)
    {
        async Task<object?> WithId(VoucherifyClient c, string given, CancellationToken ct) => await call(c, given, ct).ConfigureAwait(false);
        var calls = new[] { (name, replay, (Func<VoucherifyClient, CancellationToken, Task<object?>>)((c, ct) => WithId(c, id, ct))) }.Concat(variants);
        return new(operationId, calls.Select(c => new SampleCall(operationId, c.Item1, c.Item2, c.Item3)).ToList(), WithId, allNullFixture);
    }

    /// <summary>A stream that can be read once, like a network or pipe stream.</summary>
    public sealed class ForwardOnlyStream(byte[] data) : Stream
    {
        private readonly MemoryStream _inner = new(data);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
