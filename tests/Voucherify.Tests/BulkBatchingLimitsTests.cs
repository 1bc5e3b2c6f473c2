namespace Voucherify.Tests;

/// <summary>
/// The batching bulk helpers' request size limit, and a bulk request the API accepts without naming its async action.
/// </summary>
public class BulkBatchingLimitsTests
{
    private const string BulkPath = "/v1/customers/bulk/async";
    private const string MetadataPath = "/v1/customers/metadata/async";

    /// <summary>Customers whose JSON (<c>{"source_id":"…40 chars…"}</c>, 56 bytes) fits a 64-byte request only alone.</summary>
    private static List<CustomerBulkUpdateItem> OnePerRequest(int count) =>
        Enumerable.Range(0, count).Select(i => new CustomerBulkUpdateItem { SourceId = $"customer-{i}".PadRight(40, 'x') }).ToList();

    /// <summary>Customers of <c>{"source_id":"…"}</c> with an id of <paramref name="idLength"/> characters: 16 + idLength bytes each.</summary>
    private static List<CustomerBulkUpdateItem> Sized(int count, int idLength) =>
        Enumerable.Range(0, count).Select(i => new CustomerBulkUpdateItem { SourceId = $"c{i}".PadRight(idLength, 'x') }).ToList();

    private static async Task<List<int>> BatchSizesAsync(List<CustomerBulkUpdateItem> customers, int maxRequestBytes)
    {
        using var t = new TestClient();
        t.Handler.When(HttpMethod.Post, TestClient.BaseUrl + BulkPath).RespondWithJson(HttpStatusCode.Accepted, """{"async_action_id":"aa_1"}""");

        await t.Customers.UpdateCustomersInBatchesAsync(customers, new BulkUpdateOptions { MaxRequestBytes = maxRequestBytes, WaitForCompletion = false });

        return t.Requests.Select(request => request.Body.Length).ToList();
    }

    [Theory]
    [InlineData(1, 46, 64, new[] { 64 })]             // one customer filling the request to the byte
    [InlineData(2, 40, 115, new[] { 115 })]           // two of 56 bytes: [ + 56 + , + 56 + ] fits 115 exactly
    [InlineData(2, 40, 114, new[] { 58, 58 })]        // one byte less: the comma no longer fits, so two requests
    [InlineData(3, 40, 171, new[] { 115, 58 })]       // the third would make 172: it starts the next request
    public async Task Batches_are_filled_up_to_the_limit_counting_brackets_and_commas(int count, int idLength, int maxRequestBytes, int[] expected)
    {
        var sizes = await BatchSizesAsync(Sized(count, idLength), maxRequestBytes);

        Assert.Equal(expected, sizes);
    }

    [Fact]
    public async Task No_customers_start_no_job_and_give_an_empty_summary()
    {
        using var t = new TestClient();

        var customers = await t.Customers.UpdateCustomersInBatchesAsync([]);
        var metadata = await t.Customers.UpdateCustomersMetadataInBatchesAsync([], new Dictionary<string, object> { ["k"] = 1 });

        Assert.All(new[] { customers, metadata }, summary =>
        {
            Assert.Empty(summary.AsyncActionIds);
            Assert.Empty(summary.FinishedActions);
            Assert.False(summary.HasFailures);
        });
        Assert.Empty(t.Requests);
    }

    [Fact]
    public async Task A_customer_too_large_for_a_request_of_its_own_is_refused_with_its_size_and_the_jobs_already_started()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Post, BulkPath).RespondWithJson(HttpStatusCode.Accepted, """{"async_action_id":"aa_1"}""");
        // The first customer's request is sent when the second does not fit beside it; the third fits nowhere.
        var customers = Sized(2, 46).Concat(Sized(1, 47)).ToList();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            t.Customers.UpdateCustomersInBatchesAsync(customers, new BulkUpdateOptions { MaxRequestBytes = 64, WaitForCompletion = false }));

        Assert.Equal("customers", error.ParamName);
        Assert.StartsWith("Item 2 alone makes a 65-byte request, over the 64-byte limit. Jobs already started: aa_1.", error.Message);
        Assert.Single(t.Requests);
    }

    [Fact]
    public async Task Metadata_too_large_for_any_request_is_refused_naming_the_source_ids_before_anything_is_sent()
    {
        using var t = new TestClient();
        var metadata = new Dictionary<string, object> { ["note"] = new string('n', 100) };

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            t.Customers.UpdateCustomersMetadataInBatchesAsync(["s-1"], metadata, new BulkUpdateOptions { MaxRequestBytes = 64 }));

        Assert.Equal("sourceIds", error.ParamName);
        Assert.StartsWith("Item 0 alone makes a ", error.Message);
        Assert.Empty(t.Requests);
    }

    [Theory]
    [InlineData(63)]
    [InlineData(0)]
    [InlineData(BulkUpdateOptions.ApiMaxRequestBytes + 1)]
    public async Task A_request_size_limit_outside_64_bytes_to_10_MB_is_refused_before_any_request(int maxRequestBytes)
    {
        using var t = new TestClient();

        var customers = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            t.Customers.UpdateCustomersInBatchesAsync(OnePerRequest(1), new BulkUpdateOptions { MaxRequestBytes = maxRequestBytes }));
        var metadata = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            t.Customers.UpdateCustomersMetadataInBatchesAsync(["s-1"], new Dictionary<string, object> { ["k"] = 1 }, new BulkUpdateOptions { MaxRequestBytes = maxRequestBytes }));

        Assert.All(new[] { customers, metadata }, error =>
        {
            Assert.Equal("MaxRequestBytes", error.ParamName);
            Assert.Equal(maxRequestBytes, error.ActualValue);
            Assert.Contains("between 64 and 10485760 bytes", error.Message);
        });
        Assert.Empty(t.Requests);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(BulkUpdateOptions.ApiMaxRequestBytes)]
    public async Task The_limits_64_bytes_and_10_MB_themselves_are_accepted(int maxRequestBytes)
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Post, BulkPath).RespondWithJson(HttpStatusCode.Accepted, """{"async_action_id":"aa_1"}""");

        var summary = await t.Customers.UpdateCustomersInBatchesAsync(OnePerRequest(1), new BulkUpdateOptions { MaxRequestBytes = maxRequestBytes, WaitForCompletion = false });

        t.Handler.VerifyNoOutstandingExpectation();
        Assert.Equal(["aa_1"], summary.AsyncActionIds);
    }

    [Fact]
    public async Task A_bulk_request_accepted_without_an_async_action_id_stops_the_batching_and_names_the_jobs_already_started()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Post, BulkPath).RespondWithJson(HttpStatusCode.Accepted, """{"async_action_id":"aa_1"}""");
        t.Expect(HttpMethod.Post, BulkPath).RespondWithJson(HttpStatusCode.Accepted, """{"async_action_id":"aa_2"}""");
        t.Expect(HttpMethod.Post, BulkPath).RespondWithJson(HttpStatusCode.Accepted, "{}");

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() =>
            t.Customers.UpdateCustomersInBatchesAsync(OnePerRequest(4), new BulkUpdateOptions { MaxRequestBytes = 64 }));

        t.Handler.VerifyNoOutstandingExpectation();
        Assert.Equal("The API accepted a bulk request but returned no async_action_id. Jobs started before it: aa_1, aa_2. (HTTP 202)", error.Message);
        Assert.Equal(202, error.StatusCode);
        // The fourth customer is never sent, and nothing was waited for.
        Assert.Equal(3, t.Requests.Count);
        Assert.All(t.Requests, request => Assert.Equal(HttpMethod.Post, request.Method));
    }

    [Fact]
    public async Task A_first_metadata_request_accepted_without_an_async_action_id_reports_that_no_job_started()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Post, MetadataPath).RespondWithJson(HttpStatusCode.Accepted, """{"async_action_id":""}""");

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() =>
            t.Customers.UpdateCustomersMetadataInBatchesAsync(["s-1", "s-2"], new Dictionary<string, object> { ["k"] = 1 }));

        t.Handler.VerifyNoOutstandingExpectation();
        Assert.Equal("The API accepted a bulk request but returned no async_action_id. Jobs started before it: none. (HTTP 202)", error.Message);
        Assert.Equal(202, error.StatusCode);
        Assert.Single(t.Requests);
    }

    [Fact]
    public async Task Missing_or_blank_batch_items_are_refused_by_position_before_anything_is_sent()
    {
        using var t = new TestClient();
        var customers = t.Customers;

        Assert.Equal("customers", Assert.Throws<ArgumentNullException>(() => { _ = customers.UpdateCustomersInBatchesAsync(null!); }).ParamName);
        Assert.Equal("sourceIds", Assert.Throws<ArgumentNullException>(() => { _ = customers.UpdateCustomersMetadataInBatchesAsync(null!, new Dictionary<string, object>()); }).ParamName);
        Assert.Equal("metadata", Assert.Throws<ArgumentNullException>(() => { _ = customers.UpdateCustomersMetadataInBatchesAsync(["a"], null!); }).ParamName);
        var nullCustomer = await Assert.ThrowsAsync<ArgumentException>(() => customers.UpdateCustomersInBatchesAsync([new CustomerBulkUpdateItem { SourceId = "a" }, null!]));
        var blankId = await Assert.ThrowsAsync<ArgumentException>(() => customers.UpdateCustomersMetadataInBatchesAsync(["a", "b", ""], new Dictionary<string, object> { ["k"] = 1 }));

        Assert.Equal(("customers", "sourceIds"), (nullCustomer.ParamName, blankId.ParamName));
        Assert.StartsWith("Customer 1 is null.", nullCustomer.Message);
        Assert.StartsWith("Source id 2 is null or empty.", blankId.Message);
        Assert.Empty(t.Requests);
    }
}
