namespace Voucherify.Tests;

/// <summary>Arguments the API would misread are rejected before any request is sent.</summary>
public class ArgumentValidationTests
{
    public static TheoryData<string, string> UnaddressableIds()
    {
        var cases = new TheoryData<string, string>();
        foreach (var operation in ApiOperations.ById.Keys)
            foreach (var id in new[] { "", " ", "\t\n", ".", ".." })
                cases.Add(operation, id);
        return cases;
    }

    [Theory]
    [MemberData(nameof(UnaddressableIds))]
    public async Task A_blank_or_dot_id_is_an_argument_exception_naming_the_parameter(string operation, string id)
    {
        var target = ApiOperations.ById[operation];
        using var t = new TestClient();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => target.Call(t.Client, id));

        Assert.Equal(target.ParameterName, error.ParamName);
        Assert.Empty(t.Requests);
    }

    [Theory]
    [MemberData(nameof(ApiOperations.ByIdNames), MemberType = typeof(ApiOperations))]
    public async Task A_null_id_is_an_argument_null_exception_naming_the_parameter(string operation)
    {
        var target = ApiOperations.ById[operation];
        using var t = new TestClient();

        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => target.Call(t.Client, null!));

        Assert.Equal(target.ParameterName, error.ParamName);
        Assert.Empty(t.Requests);
    }

    [Theory]
    [InlineData(0, null, "limit")]
    [InlineData(101, null, "limit")]
    [InlineData(-1, null, "limit")]
    [InlineData(null, 0, "page")]
    [InlineData(null, 100, "page")]
    [InlineData(10, -5, "page")]
    public async Task List_customers_limit_and_page_outside_the_api_range_are_rejected(int? limit, int? page, string parameter)
    {
        using var t = new TestClient();

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => t.Customers.ListCustomersAsync(limit: limit, page: page));

        Assert.Equal(parameter, error.ParamName);
        Assert.Empty(t.Requests);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task Activity_and_redeemables_limit_outside_the_api_range_is_rejected(int limit)
    {
        using var t = new TestClient();

        var activity = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => t.Customers.ListCustomerActivityAsync("cust_1", limit: limit));
        var redeemables = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => t.Customers.ListCustomerRedeemablesAsync("cust_1", limit: limit));

        Assert.Equal("limit", activity.ParamName);
        Assert.Equal("limit", redeemables.ParamName);
        Assert.Empty(t.Requests);
    }

    public static TheoryData<string, Func<CustomersClient, Task>, string> UnwritableBodies()
    {
        var selfReferencing = new Dictionary<string, object>();
        selfReferencing["self"] = selfReferencing;
        return new()
        {
            { "bulk item without source id", c => c.UpdateCustomersInBulkAsync([new CustomerBulkUpdateItem { Name = "n" }]), "source_id" },
            { "metadata update without source ids", c => c.UpdateCustomersMetadataInBulkAsync(
                new CustomerMetadataBulkUpdateOptions { SourceIds = null!, Metadata = new Dictionary<string, object> { ["k"] = 1 } }), "source_ids" },
            { "metadata update without metadata", c => c.UpdateCustomersMetadataInBulkAsync(
                new CustomerMetadataBulkUpdateOptions { SourceIds = ["s"], Metadata = null! }), "metadata" },
            { "metadata that contains itself", c => c.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "s", Metadata = selfReferencing }), "Self referencing loop" },
        };
    }

    [Theory]
    [MemberData(nameof(UnwritableBodies))]
    public async Task A_body_that_cannot_be_written_as_json_is_an_argument_error_before_anything_is_sent(string body, Func<CustomersClient, Task> call, string named)
    {
        using var t = new TestClient();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => call(t.Customers));

        Assert.Equal("body", error.ParamName);
        Assert.StartsWith("The request body cannot be sent: ", error.Message);
        Assert.True(error.Message.Contains(named, StringComparison.Ordinal), $"{body}: {error.Message}");
        Assert.IsType<Newtonsoft.Json.JsonSerializationException>(error.InnerException);
        Assert.Empty(t.Requests);
    }

    [Fact]
    public async Task Null_request_bodies_are_rejected_before_anything_is_sent()
    {
        using var t = new TestClient();

        Assert.Equal("body", (await Assert.ThrowsAsync<ArgumentNullException>(() => t.Customers.CreateCustomerAsync(null!))).ParamName);
        Assert.Equal("body", (await Assert.ThrowsAsync<ArgumentNullException>(() => t.Customers.UpdateCustomerAsync("cust_1", null!))).ParamName);
        Assert.Equal("body", (await Assert.ThrowsAsync<ArgumentNullException>(() => t.Customers.UpdateCustomersInBulkAsync(null!))).ParamName);
        Assert.Equal("body", (await Assert.ThrowsAsync<ArgumentNullException>(() => t.Customers.UpdateCustomersMetadataInBulkAsync(null!))).ParamName);
        Assert.Equal("file", (await Assert.ThrowsAsync<ArgumentNullException>(() => t.Customers.ImportCustomersFromCsvAsync((FileParameter)null!))).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => { _ = t.Customers.ListCustomerRedeemablesAsync("cust_1", (CustomerRedeemableListOptions)null!); }).ParamName);
        Assert.Empty(t.Requests);
    }
}
