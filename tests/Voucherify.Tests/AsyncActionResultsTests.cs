using Newtonsoft.Json.Linq;

namespace Voucherify.Tests;

/// <summary>get-async-action and the typed views of its result.</summary>
public class AsyncActionResultsTests
{
    [Fact]
    public async Task Get_reads_every_member_of_a_finished_import()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, "/v1/async-actions/aa_0a875d56c805df6601").RespondWithFixture(HttpStatusCode.OK, "AsyncActions/import-csv-done.json");

        var action = await t.AsyncActions.GetAsyncActionAsync("aa_0a875d56c805df6601");

        t.Handler.VerifyNoOutstandingExpectation();
        t.SingleSignedRequest();
        Assert.Equal("aa_0a875d56c805df6601", action.Id);
        Assert.Equal("CUSTOMERS.IMPORT_CSV", action.Type);
        Assert.Equal("DONE", action.Status);
        Assert.Null(action.OperationStatus);
        Assert.Equal(100, action.Progress);
        Assert.Equal(130, action.ProcessingTime);
        Assert.Equal("v-0c5543eff2cb0f547f", action.RequestId);
        Assert.Equal("async_action", action.Object);
        Assert.Equal(new DateTimeOffset(2023, 1, 20, 7, 41, 33, 86, TimeSpan.Zero), action.CreatedAt);
        Assert.Equal(new DateTimeOffset(2023, 1, 20, 7, 41, 33, 216, TimeSpan.Zero), action.UpdatedAt);
        Assert.Equal(2, (int)((JObject)action.Result!)["failed_count"]!);
        Assert.True(action.IsFinished);
        Assert.True(action.HasFailures);
        Assert.Null(action.GetBulkUpdateResult());
        var result = action.GetImportCsvResult()!;
        Assert.Equal(2, result.Failed!.Count);
        Assert.Equal("test-user@voucherify.io", result.Failed[0].SourceId);
    }

    [Theory]
    [InlineData("ENQUEUED", false)]
    [InlineData("IN_PROGRESS", false)]
    [InlineData("DONE", true)]
    [InlineData("FAILED", true)]
    [InlineData("PAUSED", false)]
    public void Only_done_and_failed_are_finished(string status, bool finished)
    {
        Assert.Equal(finished, new AsyncAction { Status = status }.IsFinished);
    }

    [Fact]
    public void A_failed_job_or_operation_status_counts_as_failures_even_without_a_result()
    {
        Assert.True(new AsyncAction { Status = "FAILED" }.HasFailures);
        Assert.True(new AsyncAction { Status = "DONE", OperationStatus = "FAILED" }.HasFailures);
        Assert.False(new AsyncAction { Status = "DONE", OperationStatus = "SUCCESS" }.HasFailures);
    }

    [Theory]
    [InlineData("""{"failed_count":1}""", true)]
    [InlineData("""{"failed_count":0,"failed":[{"row":1}]}""", true)]
    [InlineData("""{"failed_count":0,"errors":[{"message":"x"}]}""", true)]
    [InlineData("""{"done_count":5,"failed_count":0,"failed":[],"errors":[]}""", false)]
    [InlineData("""{"failed_count":"unknown"}""", false)]
    public void Failed_rows_in_a_done_result_count_as_failures(string result, bool hasFailures)
    {
        var action = new AsyncAction { Status = "DONE", Result = JObject.Parse(result) };

        Assert.Equal(hasFailures, action.HasFailures);
    }

    [Theory]
    [InlineData("""{"message":"A quoted field is not closed before the end of the file.","done_count":0}""", "A quoted field is not closed before the end of the file.")]
    [InlineData("""{"done_count":0,"errors":[{"source_id":"a","message":"first"},{"message":"second"}]}""", "first")]
    [InlineData("""{"done_count":0}""", null)]
    public void A_failed_job_names_its_reason_from_the_result_message_or_first_error(string result, string? reason)
    {
        var action = new AsyncAction { Id = "aa_1", Type = "CUSTOMERS.IMPORT_CSV", Status = "FAILED", Result = JObject.Parse(result) };

        Assert.Equal(reason, action.FailureReason);
        var failure = Assert.Throws<AsyncActionFailedException>(() => action.ThrowIfFailed());
        Assert.Same(action, failure.AsyncAction);
        Assert.Equal(reason, failure.Reason);
        Assert.Equal($"Async action aa_1 (CUSTOMERS.IMPORT_CSV) failed: {reason ?? "the API gave no reason"}.", failure.Message);
    }

    [Theory]
    [InlineData("DONE")]
    [InlineData("IN_PROGRESS")]
    public void A_job_that_did_not_fail_as_a_whole_passes_through_and_has_no_failure_reason(string status)
    {
        // Rejected rows in a DONE job are HasFailures, not an exception.
        var action = new AsyncAction { Status = status, Result = JObject.Parse("""{"message":"1 failed","failed_count":1}""") };

        Assert.Same(action, action.ThrowIfFailed());
        Assert.Null(action.FailureReason);
    }

    [Theory]
    [InlineData(null, 0, false)]
    [InlineData(0, 0, false)]
    [InlineData(1, 0, true)]
    [InlineData(0, 1, true)]
    public void Typed_results_answer_HasFailures_from_their_counts_and_lists(int? failedCount, int listed, bool hasFailures)
    {
        var import = new CustomersImportCsvResult { FailedCount = failedCount, Failed = Enumerable.Repeat(new CustomersImportCsvFailedRow { Row = 1 }, listed).ToList() };
        var bulk = new CustomersBulkUpdateResult { FailedCount = failedCount, Errors = Enumerable.Repeat(new CustomersBulkUpdateError { SourceId = "a" }, listed).ToList() };

        Assert.Equal((hasFailures, hasFailures), (import.HasFailures, bulk.HasFailures));
    }

    [Fact]
    public void A_running_job_has_no_typed_result_yet()
    {
        var action = new AsyncAction { Type = AsyncActionType.CustomersImportCsv, Status = AsyncActionStatus.InProgress };

        Assert.Null(action.GetImportCsvResult());
        Assert.Null(action.ReadResult<CustomersImportCsvResult>());
    }

    [Fact]
    public async Task A_result_of_the_wrong_shape_is_reported_as_an_api_exception_naming_the_job()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, "/v1/async-actions/aa_1").RespondWithJson(HttpStatusCode.OK,
            """{"id":"aa_1","type":"CUSTOMERS.BULK_UPDATE","status":"DONE","result":{"done_count":{"unexpected":"object"}}}""");

        var action = await t.AsyncActions.GetAsyncActionAsync("aa_1");
        var error = Assert.Throws<VoucherifyApiException>(() => action.GetBulkUpdateResult());

        Assert.Contains("aa_1", error.Message);
        Assert.Contains("CUSTOMERS.BULK_UPDATE", error.Message);
        Assert.Equal("""{"done_count":{"unexpected":"object"}}""", error.ResponseBody);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task A_job_type_without_a_typed_helper_can_be_read_with_its_own_shape()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, "/v1/async-actions/aa_0c5551f2ab0a0ebf0e").RespondWithJson(HttpStatusCode.OK,
            """{"id":"aa_0c5551f2ab0a0ebf0e","type":"CUSTOMERS.METADATA_KEY_PURGE","status":"DONE","result":{"message":"Updated 0 customers.","done_count":0}}""");

        var action = await t.AsyncActions.GetAsyncActionAsync("aa_0c5551f2ab0a0ebf0e");

        Assert.Null(action.GetImportCsvResult());
        Assert.Null(action.GetBulkUpdateResult());
        var purge = action.ReadResult<CustomersImportCsvResult>()!;
        Assert.Equal("Updated 0 customers.", purge.Message);
        Assert.Equal(0, purge.DoneCount);
    }
}
