using System.Text;

namespace Voucherify.ReliabilityTests;

/// <summary>Which failures an operation may be replayed after (mirrors the library's policy; the tests check it).</summary>
public enum ReplayClass
{
    /// <summary>GET, PUT, DELETE, and create-customer with an id or source_id.</summary>
    Always,

    /// <summary>POSTs that could act twice: only when the connection was refused.</summary>
    OnlyIfNeverSent,

    /// <summary>The body is a stream that cannot be rewound.</summary>
    Never,
}

/// <summary>One public operation of the client, called with fixed arguments.</summary>
public sealed record Operation(string Name, ReplayClass Replay, Func<VoucherifyClient, CancellationToken, Task<object?>> Run)
{
    public override string ToString() => Name;
}

/// <summary>Every operation of the client, as the fault suite and the parsing properties call them.</summary>
public static class Operations
{
    /// <summary>
    /// Short waits so a job that never finishes is given up quickly. The timeout bounds the polls too, so it is longer
    /// than one timed-out attempt plus a retry (or a 1 s Retry-After), and shorter than three timed-out attempts.
    /// </summary>
    public static readonly AsyncActionWaitOptions FastWait = new()
    {
        InitialDelay = TimeSpan.FromMilliseconds(20),
        MaxDelay = TimeSpan.FromMilliseconds(50),
        Timeout = TimeSpan.FromMilliseconds(2500),
    };

    public static readonly IReadOnlyList<Operation> All = new Operation[]
    {
        new("create (source_id)", ReplayClass.Always, async (c, ct) => await c.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "alice@example.com", Name = "Alice" }, ct)),
        new("create (no id)", ReplayClass.OnlyIfNeverSent, async (c, ct) => await c.Customers.CreateCustomerAsync(new CustomerCreateOptions { Name = "Anonymous" }, ct)),
        new("get", ReplayClass.Always, async (c, ct) => await c.Customers.GetCustomerAsync("alice@example.com", ct)),
        new("update", ReplayClass.Always, async (c, ct) => await c.Customers.UpdateCustomerAsync("cust_1", new CustomerUpdateOptions { Name = "Alice B" }, ct)),
        new("delete", ReplayClass.Always, async (c, ct) => { await c.Customers.DeleteCustomerAsync("cust_1", ct); return null; }),
        new("permanent delete", ReplayClass.OnlyIfNeverSent, async (c, ct) => await c.Customers.PermanentlyDeleteCustomerAsync("cust_1", ct)),
        new("list", ReplayClass.Always, async (c, ct) => await c.Customers.ListCustomersAsync(limit: 10, cancellationToken: ct)),
        new("activity", ReplayClass.Always, async (c, ct) => await c.Customers.ListCustomerActivityAsync("cust_1", limit: 10, cancellationToken: ct)),
        new("redeemables", ReplayClass.Always, async (c, ct) => await c.Customers.ListCustomerRedeemablesAsync("cust_1", limit: 10, cancellationToken: ct)),
        new("segments", ReplayClass.Always, async (c, ct) => await c.Customers.ListCustomerSegmentsAsync("cust_1", ct)),
        new("import CSV (seekable)", ReplayClass.OnlyIfNeverSent, async (c, ct) => await c.Customers.ImportCustomersFromCsvAsync(new MemoryStream(Csv()), "customers.csv", ct)),
        new("import CSV (forward-only)", ReplayClass.Never, async (c, ct) => await c.Customers.ImportCustomersFromCsvAsync(new ForwardOnlyStream(Csv()), "customers.csv", ct)),
        new("bulk update", ReplayClass.OnlyIfNeverSent, async (c, ct) => await c.Customers.UpdateCustomersInBulkAsync(new[] { new CustomerBulkUpdateItem { SourceId = "alice@example.com", Name = "Alice" } }, ct)),
        new("metadata update", ReplayClass.OnlyIfNeverSent, async (c, ct) => await c.Customers.UpdateCustomersMetadataInBulkAsync(new CustomerMetadataBulkUpdateOptions { SourceIds = new List<string> { "alice@example.com" }, Metadata = new Dictionary<string, object> { ["tier"] = "gold" } }, ct)),
        new("get async action", ReplayClass.Always, async (c, ct) => await c.AsyncActions.GetAsyncActionAsync("aa_1", ct)),
        new("wait for async action", ReplayClass.Always, async (c, ct) => await c.AsyncActions.WaitForCompletionAsync("aa_1", FastWait, ct)),
    };

    public static byte[] Csv() => Encoding.UTF8.GetBytes("Source_id,Name,Email\nalice@example.com,Alice,alice@example.com\n");

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
