using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Voucherify.Sandbox;
using Voucherify.SandboxTests.Raw;

namespace Voucherify.SandboxTests;

/// <summary>
/// Writes whose body cannot be read completely: a <c>Content-Length</c> larger than what is sent, a malformed chunk
/// size, a body that stalls below Kestrel's minimum data rate, a multipart body that does not match its boundary. Each
/// gets the API's 4xx (or a closed connection), stores nothing, starts no job, and is journaled as what it was, never
/// as a success. Every body would be a valid write if it had arrived whole.
/// </summary>
public sealed class TruncatedBodyTests : SandboxPerTest
{
    private const string Boundary = "sandbox-test-boundary";

    public static TheoryData<string> Writes => new()
    {
        "create-customer", "update-customer", "update-customers-in-bulk", "update-customers-metadata-in-bulk", "import-customers-using-csv",
    };

    protected override VoucherifySandboxOptions Options()
    {
        var options = Seeded("existing");
        options.JobQueueDelay = TimeSpan.Zero;
        options.JobDuration = TimeSpan.Zero;
        // Kestrel's default grace period is 5 s; a stalled body is refused after about one and a half here.
        options.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 100, gracePeriod: TimeSpan.FromSeconds(1.5));
        return options;
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_content_length_larger_than_the_body_sent_stores_nothing(string operation)
    {
        var (method, target, contentType, body) = Write(operation);
        var head = RawHttp.Head(Sandbox, method, target, $"Content-Type: {contentType}", $"Content-Length: {body.Length + 64}");

        // The client sends less than it announced and leaves: the answer, if any arrives, is a 4xx.
        var response = await RawHttp.ExchangeAsync(Sandbox, [.. Encoding.ASCII.GetBytes(head), .. body], endSending: true);

        if (response is not null) Assert.Equal("invalid_payload", ApiError.Assert(response, 400));
        await AssertNothingStoredAsync(method, target);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_malformed_chunk_size_is_a_400_and_stores_nothing(string operation)
    {
        var (method, target, contentType, body) = Write(operation);
        var head = RawHttp.Head(Sandbox, method, target, $"Content-Type: {contentType}", "Transfer-Encoding: chunked");
        var chunks = Encoding.ASCII.GetBytes(body.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n")
            .Concat(body).Concat(Encoding.ASCII.GetBytes("\r\nzz\r\nmore\r\n0\r\n\r\n"));

        var response = await RawHttp.ExchangeAsync(Sandbox, [.. Encoding.ASCII.GetBytes(head), .. chunks]);

        Assert.Equal("invalid_payload", ApiError.Assert(response, 400));
        await AssertNothingStoredAsync(method, target);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_body_that_stalls_below_the_minimum_data_rate_is_a_408_and_stores_nothing(string operation)
    {
        var (method, target, contentType, body) = Write(operation);
        // One byte short of what was announced, and the connection kept open: the body never completes.
        var head = RawHttp.Head(Sandbox, method, target, $"Content-Type: {contentType}", $"Content-Length: {body.Length + 1}");

        var response = await RawHttp.ExchangeAsync(Sandbox, [.. Encoding.ASCII.GetBytes(head), .. body]);

        Assert.Equal("request_timeout", ApiError.Assert(response, 408));
        await AssertNothingStoredAsync(method, target);
    }

    [Theory]
    [InlineData("--other-boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\n\r\nSource_id,Name\r\nghost,Ghost\r\n--other-boundary--\r\n")]
    [InlineData("--" + Boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\n\r\nSource_id,Name\r\nghost,Ghost\r\n")]
    [InlineData("Source_id,Name\r\nghost,Ghost\r\n")]
    public async Task An_import_whose_body_does_not_match_its_boundary_is_a_400_and_stores_nothing(string multipart)
    {
        var response = await RawHttp.SendAsync(Sandbox, "POST", "/v1/customers/importCSV", Encoding.UTF8.GetBytes(multipart), $"multipart/form-data; boundary={Boundary}");

        Assert.Equal("invalid_payload", ApiError.Assert(response, 400));
        await AssertNothingStoredAsync("POST", "/v1/customers/importCSV");
    }

    /// <summary>A write that would change <c>existing</c> and create <c>ghost</c>, had it arrived whole.</summary>
    private static (string Method, string Target, string ContentType, byte[] Body) Write(string operation)
    {
        const string json = "application/json";
        var (method, target, contentType, body) = operation switch
        {
            "create-customer" => ("POST", "/v1/customers", json, """{"source_id":"ghost","name":"Ghost"}"""),
            "update-customer" => ("PUT", "/v1/customers/existing", json, """{"name":"Ghost"}"""),
            "update-customers-in-bulk" => ("POST", "/v1/customers/bulk/async", json, """[{"source_id":"ghost"},{"source_id":"existing","name":"Ghost"}]"""),
            "update-customers-metadata-in-bulk" => ("POST", "/v1/customers/metadata/async", json, """{"source_ids":["ghost","existing"],"metadata":{"ghost":true}}"""),
            "import-customers-using-csv" => ("POST", "/v1/customers/importCSV", $"multipart/form-data; boundary={Boundary}",
                $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\nContent-Type: text/csv\r\n\r\n" +
                $"Source_id,Name\r\nghost,Ghost\r\nexisting,Ghost\r\n\r\n--{Boundary}--\r\n"),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
        };
        return (method, target, contentType, Encoding.UTF8.GetBytes(body));
    }

    /// <summary>
    /// Neither <c>ghost</c> nor a change to <c>existing</c> exists, also after a job queued behind any the request might
    /// have started has finished (jobs run one at a time, in order), and the journal does not call the request a success.
    /// </summary>
    private async Task AssertNothingStoredAsync(string method, string target)
    {
        var journaled = await Journaled.SingleAsync(Sandbox, r => r.Method == method && r.Path == target);
        Assert.False(journaled.StatusCode is >= 200 and < 300, $"Journaled as {journaled.StatusCode}");

        var later = await Client.Customers.UpdateCustomersInBulkAsync([new CustomerBulkUpdateItem { SourceId = "later" }]);
        using var patience = new CancellationTokenSource(RawHttp.Patience);
        var done = await Client.AsyncActions.WaitForCompletionAsync(later.AsyncActionId!,
            new AsyncActionWaitOptions { InitialDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) }, patience.Token);
        Assert.Equal(AsyncActionStatus.Done, done.Status);

        var customers = (await Client.Customers.ListCustomersAsync(limit: 100)).Customers!;
        Assert.Equal(["existing", "later"], customers.Select(c => c.SourceId).Order());
        var existing = customers.Single(c => c.SourceId == "existing");
        Assert.Equal("Name of existing", existing.Name);
        Assert.Empty(existing.Metadata ?? new Dictionary<string, object>());
    }
}
