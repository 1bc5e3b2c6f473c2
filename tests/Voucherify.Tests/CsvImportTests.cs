using System.Text;

namespace Voucherify.Tests;

/// <summary>import-customers-using-csv: the multipart body, the argument checks, and importing then waiting.</summary>
public sealed class CsvImportTests : IDisposable
{
    private const string ImportPath = "/v1/customers/importCSV";
    private const string ActionPath = "/v1/async-actions/aa_0a875d56c805df6601";

    // CRLF and LF line ends, a BOM-less UTF-8 name and a quoted comma: all must arrive untouched.
    private static readonly byte[] Csv = Encoding.UTF8.GetBytes(
        "Source_id,Name,Email,acquisition_channel\r\nzoe-1,Zoë Ångström,zoe@example.com,Facebook\n\"smith, j\",J. Smith,,Website\r\n");

    private static readonly AsyncActionWaitOptions FastPolling = new()
    {
        InitialDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(20),
        Timeout = TimeSpan.FromSeconds(30),
    };

    private readonly string _directory = Directory.CreateTempSubdirectory("voucherify-csv-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_stream_is_sent_as_one_quoted_file_part_with_its_bytes_intact()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Post, ImportPath).RespondWithFixture(HttpStatusCode.Accepted, "AsyncActions/started-import.json");

        var started = await t.Customers.ImportCustomersFromCsvAsync(new MemoryStream(Csv), "x.csv");

        t.Handler.VerifyNoOutstandingExpectation();
        Assert.Equal("aa_0a875d56c805df6601", started.AsyncActionId);
        var request = t.SingleSignedRequest();
        AssertSingleCsvPart(request, "x.csv", Csv);
    }

    [Fact]
    public async Task A_file_is_sent_under_its_own_file_name()
    {
        var path = await WriteFileAsync("customers-2024.csv", Csv);
        using var t = new TestClient();
        t.Expect(HttpMethod.Post, ImportPath).RespondWithFixture(HttpStatusCode.Accepted, "AsyncActions/started-import.json");

        var started = await t.Customers.ImportCustomersFromCsvAsync(path);

        t.Handler.VerifyNoOutstandingExpectation();
        Assert.Equal("aa_0a875d56c805df6601", started.AsyncActionId);
        AssertSingleCsvPart(t.SingleSignedRequest(), "customers-2024.csv", Csv);
    }

    [Fact]
    public async Task Only_the_rest_of_a_partly_read_stream_is_sent()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Post, ImportPath).RespondWithFixture(HttpStatusCode.Accepted, "AsyncActions/started-import.json");
        var stream = new MemoryStream([.. "IGNORED"u8, .. Csv]) { Position = 7 };

        await t.Customers.ImportCustomersFromCsvAsync(stream, "x.csv");

        AssertSingleCsvPart(t.SingleSignedRequest(), "x.csv", Csv);
    }

    [Fact]
    public async Task A_file_name_with_quotes_or_non_ascii_characters_is_made_ascii_safe()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Post, ImportPath).RespondWithFixture(HttpStatusCode.Accepted, "AsyncActions/started-import.json");

        await t.Customers.ImportCustomersFromCsvAsync(new MemoryStream(Csv), "klienci-zażółć \"v2\".csv");

        AssertSingleCsvPart(t.SingleSignedRequest(), "klienci-za____ _v2_.csv", Csv);
    }

    [Fact]
    public async Task A_missing_file_is_reported_before_anything_is_sent()
    {
        using var t = new TestClient();
        var path = Path.Combine(_directory, "missing.csv");

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => t.Customers.ImportCustomersFromCsvAsync(path));

        Assert.Equal(path, error.FileName);
        Assert.Equal($"The CSV file '{path}' does not exist.", error.Message);
        Assert.Empty(t.Requests);
    }

    [Fact]
    public async Task An_empty_file_is_rejected_before_anything_is_sent()
    {
        var path = await WriteFileAsync("empty.csv", []);
        using var t = new TestClient();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => t.Customers.ImportCustomersFromCsvAsync(path));

        Assert.Equal("filePath", error.ParamName);
        Assert.StartsWith($"The CSV file '{path}' is empty; the import needs at least a header row.", error.Message);
        Assert.Empty(t.Requests);
    }

    [Fact]
    public async Task An_empty_or_fully_read_stream_is_rejected_before_anything_is_sent()
    {
        using var t = new TestClient();

        var empty = await Assert.ThrowsAsync<ArgumentException>(() => t.Customers.ImportCustomersFromCsvAsync(new MemoryStream(), "x.csv"));
        var consumed = await Assert.ThrowsAsync<ArgumentException>(
            () => t.Customers.ImportCustomersFromCsvAsync(new MemoryStream(Csv) { Position = Csv.Length }, "x.csv"));

        Assert.Equal("csv", empty.ParamName);
        Assert.Equal("csv", consumed.ParamName);
        Assert.StartsWith("The CSV stream is empty; the import needs at least a header row.", empty.Message);
        Assert.Empty(t.Requests);
    }

    [Fact]
    public async Task A_missing_or_unreadable_stream_is_rejected_before_anything_is_sent()
    {
        using var t = new TestClient();
        using var writeOnly = new FileStream(Path.Combine(_directory, "write-only.csv"), FileMode.Create, FileAccess.Write);

        var missing = await Assert.ThrowsAsync<ArgumentNullException>(() => t.Customers.ImportCustomersFromCsvAsync((Stream)null!, "x.csv"));
        var unreadable = await Assert.ThrowsAsync<ArgumentException>(() => t.Customers.ImportCustomersFromCsvAsync(writeOnly, "x.csv"));

        Assert.Equal("csv", missing.ParamName);
        Assert.Equal("csv", unreadable.ParamName);
        Assert.StartsWith("The CSV stream is not readable.", unreadable.Message);
        Assert.Empty(t.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task A_blank_file_path_is_rejected_before_anything_is_sent(string path)
    {
        using var t = new TestClient();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => t.Customers.ImportCustomersFromCsvAsync(path));

        Assert.Equal("filePath", error.ParamName);
        Assert.StartsWith("A CSV file path is required.", error.Message);
        Assert.Empty(t.Requests);
    }

    [Fact]
    public async Task A_blank_file_name_is_rejected_before_anything_is_sent()
    {
        using var t = new TestClient();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => t.Customers.ImportCustomersFromCsvAsync(new MemoryStream(Csv), " "));

        Assert.Equal("fileName", error.ParamName);
        Assert.StartsWith("A file name is required, e.g. customers.csv.", error.Message);
        Assert.Empty(t.Requests);
    }

    [Fact]
    public async Task The_callers_stream_is_left_open()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Post, ImportPath).RespondWithFixture(HttpStatusCode.Accepted, "AsyncActions/started-import.json");
        var stream = new MemoryStream(Csv);

        await t.Customers.ImportCustomersFromCsvAsync(stream, "x.csv");

        Assert.True(stream.CanRead, "the import disposed a stream it does not own");
    }

    [Fact]
    public async Task Import_and_wait_uploads_then_polls_until_the_import_is_done()
    {
        var path = await WriteFileAsync("customers.csv", Csv);
        using var t = new TestClient();
        t.Expect(HttpMethod.Post, ImportPath).RespondWithFixture(HttpStatusCode.Accepted, "AsyncActions/started-import.json");
        t.Expect(HttpMethod.Get, ActionPath).RespondWithJson(HttpStatusCode.OK,
            """{"id":"aa_0a875d56c805df6601","type":"CUSTOMERS.IMPORT_CSV","status":"IN_PROGRESS","progress":40,"object":"async_action"}""");
        t.Expect(HttpMethod.Get, ActionPath).RespondWithFixture(HttpStatusCode.OK, "AsyncActions/import-csv-done.json");

        var done = await t.Customers.ImportCustomersFromCsvAndWaitAsync(path, FastPolling);

        t.Handler.VerifyNoOutstandingExpectation();
        Assert.Equal(3, t.Requests.Count);
        Assert.All(t.Requests, request => request.AssertSignedJsonRequest());
        Assert.Equal(AsyncActionStatus.Done, done.Status);
        Assert.True(done.HasFailures);
        var result = done.GetImportCsvResult()!;
        Assert.Equal(1, result.DoneCount);
        Assert.Equal(2, result.FailedCount);
        Assert.Equal("1 customer(s) imported successfully, 2 failed.", result.Message);
        Assert.Equal(["test-user@voucherify.io", ""], result.Failed!.Select(row => row.SourceId));
        Assert.Equal([1, 3], result.Failed!.Select(row => row.Row));
        Assert.StartsWith("acquisition_channel: must be a string", result.Failed![0].Reason);
    }

    [Fact]
    public async Task Import_and_wait_from_a_stream_returns_the_finished_action()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Post, ImportPath).RespondWithFixture(HttpStatusCode.Accepted, "AsyncActions/started-import.json");
        t.Expect(HttpMethod.Get, ActionPath).RespondWithFixture(HttpStatusCode.OK, "AsyncActions/import-csv-done.json");

        var done = await t.Customers.ImportCustomersFromCsvAndWaitAsync(new MemoryStream(Csv), "x.csv", FastPolling);

        t.Handler.VerifyNoOutstandingExpectation();
        AssertSingleCsvPart(t.Requests[0], "x.csv", Csv);
        Assert.Equal("aa_0a875d56c805df6601", done.Id);
        Assert.Equal(AsyncActionType.CustomersImportCsv, done.Type);
        Assert.Equal(2, done.GetImportCsvResult()!.FailedCount);
    }

    [Fact]
    public async Task Import_and_wait_without_an_async_action_id_fails_instead_of_polling_nothing()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Post, ImportPath).RespondWithJson(HttpStatusCode.Accepted, "{}");

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(
            () => t.Customers.ImportCustomersFromCsvAndWaitAsync(new MemoryStream(Csv), "x.csv", FastPolling));

        Assert.Equal(202, error.StatusCode);
        Assert.Contains("async_action_id", error.Message);
        Assert.Single(t.Requests);
    }

    private async Task<string> WriteFileAsync(string name, byte[] content)
    {
        var path = Path.Combine(_directory, name);
        await File.WriteAllBytesAsync(path, content);
        return path;
    }

    private static void AssertSingleCsvPart(RecordedRequest request, string fileName, byte[] csv)
    {
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(TestClient.BaseUrl + ImportPath, request.Uri.OriginalString);
        var part = Assert.Single(request.MultipartParts());
        Assert.Equal(
            [$"Content-Disposition: form-data; name=\"file\"; filename=\"{fileName}\"", "Content-Type: text/csv"],
            part.HeaderLines.Order());
        Assert.DoesNotContain("filename*", request.BodyText);
        Assert.Equal(csv, part.Body);
    }
}
