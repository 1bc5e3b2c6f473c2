using System.Text;
using CsvHelper;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;
using Voucherify.Csv;
using Voucherify.Sandbox;

namespace Voucherify.Tests.Sdk;

public class CsvImportFromRowsTests
{
    private static readonly string[] Header =
    {
        "Id", "Name", "Email", "Phone", "Birthdate", "Source_id", "Address_line_1", "Address_line_2",
        "Address_Postal_Code", "Address_City", "Address_State", "Address_Country", "Description",
    };

    private static List<CustomerCreateOptions> Rows() => new()
    {
        new()
        {
            SourceId = "alice", Name = "Alice \"Al\" Smith", Email = "alice@example.com", Phone = "+48 600 000 000",
            Birthdate = new DateTime(1990, 2, 3), Description = "line one\nline two, with a comma",
            Address = new CustomerAddress { Line1 = "ul. Żółta 1", City = "Kraków", PostalCode = "30-001", Country = "PL" },
            Metadata = new Dictionary<string, object> { ["tier"] = "gold", ["vip"] = true, ["score"] = 12.5m },
        },
        new()
        {
            SourceId = "bob",
            Metadata = new Dictionary<string, object> { ["tags"] = new JArray("a", "b"), ["tier"] = new JValue("silver") },
        },
    };

    private static async Task<string> WriteAsync(IEnumerable<CustomerCreateOptions> rows, IReadOnlyList<string> columns)
    {
        using var buffer = new MemoryStream();
        await CustomerCsv.WriteAsync(rows, buffer, columns);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public async Task Writes_the_documented_columns_then_metadata_keys_and_reads_back_the_same_values()
    {
        var rows = Rows();
        var columns = CustomerCsv.CollectMetadataColumns(rows);

        var text = await WriteAsync(rows, columns);

        Assert.Equal(new[] { "tier", "vip", "score", "tags" }, columns);
        Assert.False(text.StartsWith('\uFEFF'));
        using var reader = CsvReader.FromText(text);
        reader.ReadHeader();
        Assert.Equal(Header.Concat(columns), reader.Headers);
        Assert.True(reader.Read());
        Assert.Equal("alice", reader.GetString("Source_id"));
        Assert.Equal("Alice \"Al\" Smith", reader.GetString("Name"));
        Assert.Equal("line one\nline two, with a comma", reader.GetString("Description"));
        Assert.Equal("1990-02-03", reader.GetString("Birthdate"));
        Assert.Equal("ul. Żółta 1", reader.GetString("Address_line_1"));
        Assert.Equal("Kraków", reader.GetString("Address_City"));
        Assert.Equal("30-001", reader.GetString("Address_Postal_Code"));
        Assert.Equal("", reader.GetString("Address_State"));
        Assert.Equal("gold", reader.GetString("tier"));
        Assert.Equal("true", reader.GetString("vip"));
        Assert.Equal("12.5", reader.GetString("score"));
        Assert.Equal("", reader.GetString("tags"));
        Assert.True(reader.Read());
        Assert.Equal("bob", reader.GetString("Source_id"));
        Assert.Equal("silver", reader.GetString("tier"));
        Assert.Equal("[\"a\",\"b\"]", reader.GetString("tags"));
        Assert.False(reader.Read());
    }

    [Fact]
    public async Task A_metadata_key_outside_the_given_columns_is_an_error_not_a_silently_dropped_value()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => WriteAsync(Rows(), new[] { "tier" }));
        Assert.Contains("Row 1 has the metadata key 'vip'", error.Message);
    }

    [Fact]
    public async Task A_metadata_column_named_like_a_standard_column_is_rejected()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => WriteAsync(Rows(), new[] { "email" }));
        Assert.Contains("'email'", error.Message);
    }

    [Fact]
    public async Task Import_streams_the_csv_without_a_content_length_and_waits_for_the_result()
    {
        var mock = new MockHttpMessageHandler();
        string? uploaded = null;
        long? declaredLength = -1;
        bool? expectContinue = null;
        mock.Expect(HttpMethod.Post, $"{TestClient.BaseUrl}/v1/customers/importCSV").Respond(async request =>
        {
            expectContinue = request.Headers.ExpectContinue;
            var file = ((MultipartFormDataContent)request.Content!).Single();
            declaredLength = file.Headers.ContentLength;
            uploaded = await file.ReadAsStringAsync();
            return new HttpResponseMessage(System.Net.HttpStatusCode.Accepted) { Content = new StringContent("""{"async_action_id":"aa_import"}""", Encoding.UTF8, "application/json") };
        });
        mock.Expect($"{TestClient.BaseUrl}/v1/async-actions/aa_import").Respond("application/json",
            """{"id":"aa_import","type":"CUSTOMERS.IMPORT_CSV","status":"DONE","result":{"message":"2 customer(s) imported successfully, 0 failed.","done_count":2,"failed_count":0,"failed":[]}}""");
        using var client = SdkTestClient.Create(mock);
        var rows = Rows();

        var action = await client.Customers.ImportCustomersAsync(rows, new CustomerCsvImportOptions { MetadataColumns = new[] { "tier", "vip", "score", "tags" } });

        mock.VerifyNoOutstandingExpectation();
        Assert.Null(declaredLength); // produced while sent: nothing knew its length in advance
        Assert.True(expectContinue); // sent only once the server agrees to read it
        Assert.Equal(await WriteAsync(rows, new[] { "tier", "vip", "score", "tags" }), uploaded);
        Assert.Equal(2, action.GetImportCsvResult()!.DoneCount);
    }

    [Fact]
    public async Task An_import_the_api_fails_as_a_whole_throws_with_its_reason()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Post, $"{TestClient.BaseUrl}/v1/customers/importCSV")
            .Respond(HttpStatusCode.Accepted, "application/json", """{"async_action_id":"aa_import"}""");
        mock.Expect($"{TestClient.BaseUrl}/v1/async-actions/aa_import").Respond("application/json",
            """{"id":"aa_import","type":"CUSTOMERS.IMPORT_CSV","status":"FAILED","operation_status":"FAILED","result":{"message":"Import file could not be parsed.","done_count":0,"failed_count":0}}""");
        using var client = SdkTestClient.Create(mock);

        var failure = await Assert.ThrowsAsync<AsyncActionFailedException>(() =>
            client.Customers.ImportCustomersAsync(Rows(), new CustomerCsvImportOptions { MetadataColumns = new[] { "tier", "vip", "score", "tags" } }));

        mock.VerifyNoOutstandingExpectation();
        Assert.Equal(("aa_import", "Import file could not be parsed."), (failure.AsyncActionId, failure.Reason));
    }

    [Fact]
    public async Task A_row_error_while_streaming_surfaces_as_itself_not_as_a_broken_upload()
    {
        // The sandbox reads the upload as it streams in, over a real socket, as the service would.
        await using var sandbox = await VoucherifySandbox.StartAsync();
        using var client = sandbox.CreateClient();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            client.Customers.ImportCustomersAsync(Rows(), new CustomerCsvImportOptions { MetadataColumns = new[] { "tier" } }));

        Assert.Contains("metadata key 'vip'", error.Message);
        Assert.DoesNotContain(sandbox.Requests, r => r.StatusCode == 202); // the broken upload started no import
    }

    /// <summary>
    /// Rows without end, counted as they are read: the writer can never have finished when the server answers (started
    /// or not, it is stopped by the library), because back-pressure stops it once the pipe is full and it never runs out
    /// of rows.
    /// </summary>
    private sealed class EndlessRows : IEnumerable<CustomerCreateOptions>
    {
        private int _read;

        public int Read => Volatile.Read(ref _read);

        public IEnumerator<CustomerCreateOptions> GetEnumerator()
        {
            for (var i = 0; ; i++)
            {
                Interlocked.Increment(ref _read);
                yield return new CustomerCreateOptions { SourceId = $"row-{i}", Name = new string('n', 200) };
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static readonly CustomerCsvImportOptions NoMetadata = new() { MetadataColumns = Array.Empty<string>() };

    /// <summary>Imports endless rows into a sandbox whose importCSV answers with <paramref name="fault"/> without reading the body.</summary>
    private static async Task<(Exception Error, EndlessRows Rows)> ImportWhileTheServerAnswersEarlyAsync(VoucherifySandbox sandbox, SandboxFault fault)
    {
        sandbox.AddFault(fault);
        using var client = sandbox.CreateClient();
        var rows = new EndlessRows();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // a hang fails the test instead of the run
        var error = await Record.ExceptionAsync(() => client.Customers.ImportCustomersAsync(rows, NoMetadata, bound.Token));
        Assert.False(bound.IsCancellationRequested);
        return (error!, rows);
    }

    [Fact]
    public async Task An_upload_answered_401_before_its_body_was_read_reports_the_401_not_the_writers_cancellation()
    {
        await using var sandbox = await VoucherifySandbox.StartAsync();

        var (error, _) = await ImportWhileTheServerAnswersEarlyAsync(sandbox, new SandboxFault { OperationId = "import-customers-using-csv", StatusCode = 401 });

        var api = Assert.IsType<VoucherifyApiException>(error);
        Assert.Equal(401, api.StatusCode);
        Assert.Null(api.InnerException);
    }

    [Fact]
    public async Task An_upload_answered_429_before_its_body_was_read_reports_the_429_and_is_not_repeated()
    {
        await using var sandbox = await VoucherifySandbox.StartAsync();

        var (error, _) = await ImportWhileTheServerAnswersEarlyAsync(sandbox, new SandboxFault { OperationId = "import-customers-using-csv", RetryAfter = TimeSpan.FromSeconds(1) });

        var api = Assert.IsAssignableFrom<VoucherifyApiException>(error);
        Assert.Equal(429, api.StatusCode);
        Assert.Null(api.InnerException);
        Assert.Single(sandbox.Requests, r => r.Path.EndsWith("/importCSV", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_job_that_fails_while_rows_are_still_being_written_reports_the_jobs_failure()
    {
        // A mock, not the sandbox: a server answers 202 only after reading the whole upload, and .NET's socket handler
        // sends the whole body after a 2xx, so only a handler that answers without reading the content can fail the job
        // while the rows are still being written (the order in which the original flaky test raced).
        var rows = new EndlessRows();
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Post, $"{TestClient.BaseUrl}/v1/customers/importCSV").Respond(async _ =>
        {
            // Answered only once the writer is producing, so the job fails while rows are being written by construction.
            while (rows.Read < 10) await Task.Delay(1);
            return new HttpResponseMessage(HttpStatusCode.Accepted) { Content = new StringContent("""{"async_action_id":"aa_early"}""", Encoding.UTF8, "application/json") };
        });
        mock.Expect($"{TestClient.BaseUrl}/v1/async-actions/aa_early").Respond("application/json",
            """{"id":"aa_early","type":"CUSTOMERS.IMPORT_CSV","status":"FAILED","result":{"message":"Import file could not be parsed.","done_count":0,"failed_count":0}}""");
        using var client = SdkTestClient.Create(mock);

        var failed = await Assert.ThrowsAsync<AsyncActionFailedException>(() => client.Customers.ImportCustomersAsync(rows, NoMetadata));

        mock.VerifyNoOutstandingExpectation();
        Assert.Equal(("aa_early", "Import file could not be parsed."), (failed.AsyncActionId, failed.Reason));
        Assert.Null(failed.InnerException);
    }

    [Fact]
    public async Task The_callers_cancellation_while_rows_are_written_stays_an_OperationCanceledException()
    {
        await using var sandbox = await VoucherifySandbox.StartAsync();
        using var client = sandbox.CreateClient();
        using var cancel = new CancellationTokenSource();
        var rows = new EndlessRows();

        var import = client.Customers.ImportCustomersAsync(rows.TakeWhile(_ => { if (rows.Read >= 5000) cancel.Cancel(); return true; }), NoMetadata, cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => import);
        Assert.DoesNotContain(sandbox.Requests, r => r.StatusCode == 202);
    }
}
