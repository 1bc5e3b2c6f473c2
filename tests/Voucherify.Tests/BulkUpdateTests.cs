namespace Voucherify.Tests;

/// <summary>update-customers-in-bulk and update-customers-metadata-in-bulk.</summary>
public class BulkUpdateTests
{
    [Fact]
    public async Task Bulk_update_posts_a_json_array_of_the_set_members_and_returns_the_async_action_id()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Post, "/v1/customers/bulk/async").RespondWithFixture(HttpStatusCode.Accepted, "AsyncActions/started-bulk-update.json");

#pragma warning disable CS0612 // Birthday is deprecated but still accepted; a caller setting it must see it sent.
        var started = await t.Customers.UpdateCustomersInBulkAsync(
        [
            new CustomerBulkUpdateItem
            {
                SourceId = "John.Smith@email.com",
                Name = "John Smith",
                Email = "john.smith@email.com",
                Description = "Updating customer data",
                Phone = "+1 (132) 222-2222",
                Address = Samples.NewYorkAddress(),
                Metadata = Samples.LanguageMetadata(),
                Birthday = new DateTime(2022, 4, 4),
            },
            new CustomerBulkUpdateItem
            {
                SourceId = "Sally.Smith@email.com",
                Name = "Sally Smith",
                Birthdate = new DateTime(2022, 2, 2),
            },
            new CustomerBulkUpdateItem { SourceId = "unknown-yet@email.com" },
        ]);
#pragma warning restore CS0612

        t.Handler.VerifyNoOutstandingExpectation();
        Assert.Equal("aa_0c5547cc5e17b617b6", started.AsyncActionId);
        t.SingleSignedRequest().AssertJsonBody($$"""
            [
              {
                "source_id": "John.Smith@email.com",
                "name": "John Smith",
                "email": "john.smith@email.com",
                "description": "Updating customer data",
                "phone": "+1 (132) 222-2222",
                "address": {{Samples.NewYorkAddressJson}},
                "metadata": {{Samples.LanguageMetadataJson}},
                "birthday": "2022-04-04"
              },
              { "source_id": "Sally.Smith@email.com", "name": "Sally Smith", "birthdate": "2022-02-02" },
              { "source_id": "unknown-yet@email.com" }
            ]
            """);
    }

    [Fact]
    public async Task Metadata_bulk_update_posts_the_ids_and_the_shared_metadata()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Post, "/v1/customers/metadata/async").RespondWithFixture(HttpStatusCode.Accepted, "AsyncActions/started-metadata-update.json");

        var started = await t.Customers.UpdateCustomersMetadataInBulkAsync(new CustomerMetadataBulkUpdateOptions
        {
            SourceIds = ["source_123", "source_456"],
            Metadata = new Dictionary<string, object> { ["lang"] = "en", ["test"] = false, ["visits"] = 3 },
        });

        t.Handler.VerifyNoOutstandingExpectation();
        Assert.Equal("aa_0c554a92030e576181", started.AsyncActionId);
        t.SingleSignedRequest().AssertJsonBody("""
            { "source_ids": ["source_123", "source_456"], "metadata": { "lang": "en", "test": false, "visits": 3 } }
            """);
    }

    [Fact]
    public async Task Bulk_update_result_is_read_from_the_finished_async_action()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, "/v1/async-actions/aa_0c5547cc5e17b617b6").RespondWithFixture(HttpStatusCode.OK, "AsyncActions/bulk-update-done.json");

        var action = await t.AsyncActions.GetAsyncActionAsync("aa_0c5547cc5e17b617b6");

        t.Handler.VerifyNoOutstandingExpectation();
        Assert.Empty(t.SingleSignedRequest().Body);
        Assert.Equal(AsyncActionType.CustomersBulkUpdate, action.Type);
        Assert.Equal("SUCCESS", action.OperationStatus);
        Assert.True(action.IsFinished);
        Assert.False(action.HasFailures);
        Assert.Null(action.GetImportCsvResult());
        var result = action.GetBulkUpdateResult()!;
        Assert.Equal(3, result.DoneCount);
        Assert.Equal(0, result.FailedCount);
        Assert.Equal(["https://download.voucherify.io/v1/reports/aa_0c5547cc5e17b617b6.csv"], result.Reports!);
        Assert.Equal(new DateTimeOffset(2024, 11, 6, 8, 26, 13, 304, TimeSpan.Zero), result.ReportsAvailableTill);
        Assert.Empty(result.Errors!);
    }

    [Fact]
    public async Task Metadata_update_rows_that_failed_are_listed_and_flagged()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, "/v1/async-actions/aa_0c554a92030e576181").RespondWithFixture(HttpStatusCode.OK, "AsyncActions/metadata-update-done-with-errors.json");

        var action = await t.AsyncActions.GetAsyncActionAsync("aa_0c554a92030e576181");

        Assert.Equal(AsyncActionType.CustomersMetadataUpdate, action.Type);
        Assert.Equal(AsyncActionStatus.Done, action.Status);
        Assert.True(action.HasFailures);
        var result = action.GetBulkUpdateResult()!;
        Assert.Equal(1, result.DoneCount);
        Assert.Equal(1, result.FailedCount);
        Assert.Empty(result.Reports!);
        Assert.Equal(new DateTimeOffset(2024, 11, 6, 9, 26, 13, 304, TimeSpan.FromHours(1)), result.ReportsAvailableTill);
        var error = Assert.Single(result.Errors!);
        Assert.Equal("source_456", error.SourceId);
        Assert.Equal("invalid_metadata", error.Key);
        Assert.Equal("Invalid Metadata", error.Message);
        Assert.Equal("Property lang: must be a string", error.Details);
    }
}
