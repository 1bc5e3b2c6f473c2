using System.Text;
using Voucherify.IntegrationTests.Infrastructure;
using Voucherify.Sandbox;

namespace Voucherify.IntegrationTests;

public sealed class CsvImportTests
{
    private static async Task<AsyncAction> ImportAsync(VoucherifyClient client, string csv) =>
        await client.Customers.ImportCustomersFromCsvAndWaitAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "customers.csv", Sandboxes.QuickPolling());

    [Fact]
    public async Task Quoted_fields_keep_commas_quotes_line_breaks_and_utf8()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();
        const string csv =
            "Source_id,Name,Description,Address_City,Address_Country\r\n" +
            "q-1,\"Morgan, Alice\",\"She said \"\"hi\"\"\",Kraków,PL\r\n" +
            "q-2,Zoë Ünal,\"line one\nline two\",\"São Paulo\",BR\r\n";

        var job = await ImportAsync(client, csv);

        Assert.Equal(AsyncActionStatus.Done, job.Status);
        Assert.Equal(2, job.GetImportCsvResult()!.DoneCount);
        var alice = await client.Customers.GetCustomerAsync("q-1");
        var zoe = await client.Customers.GetCustomerAsync("q-2");
        Assert.Equal(("Morgan, Alice", "She said \"hi\"", "Kraków", "PL"), (alice.Name, alice.Description, alice.Address!.City, alice.Address.Country));
        Assert.Equal(("Zoë Ünal", "line one\nline two", "São Paulo"), (zoe.Name, zoe.Description, zoe.Address!.City));
    }

    [Fact]
    public async Task A_byte_order_mark_is_not_part_of_the_first_column_and_stray_quotes_stay_text()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();
        // UTF-8 with a BOM (GetBytes alone writes none), LF then CR LF, a lone CR, a quote inside an unquoted field.
        var csv = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(
            "Source_id,Name\nbom-1,O\"Brien\r\nbom-2,Plain\rbom-3,Last")).ToArray();

        var job = await client.Customers.ImportCustomersFromCsvAndWaitAsync(new MemoryStream(csv), "customers.csv", Sandboxes.QuickPolling());

        Assert.Equal(3, job.GetImportCsvResult()!.DoneCount);
        Assert.Equal("O\"Brien", (await client.Customers.GetCustomerAsync("bom-1")).Name);
        Assert.Equal("Plain", (await client.Customers.GetCustomerAsync("bom-2")).Name);
        Assert.Equal("Last", (await client.Customers.GetCustomerAsync("bom-3")).Name);
    }

    [Fact]
    public async Task A_quoted_field_longer_than_the_read_buffer_survives_intact()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();
        // Quotes, CRLFs and commas at every offset, so some fall on the reader's buffer boundaries.
        var description = string.Concat(Enumerable.Range(0, 5000).Select(i => $"{i}:\"q\",\r\n"));
        var csv = "Source_id,Description\r\nlong-1,\"" + description.Replace("\"", "\"\"") + "\"\r\nlong-2,after\r\n";

        var job = await ImportAsync(client, csv);

        Assert.Equal(2, job.GetImportCsvResult()!.DoneCount);
        Assert.Equal(description, (await client.Customers.GetCustomerAsync("long-1")).Description);
        Assert.Equal("after", (await client.Customers.GetCustomerAsync("long-2")).Description);
    }

    [Fact]
    public async Task Every_documented_column_maps_to_its_member_and_other_columns_become_metadata()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();
        const string csv =
            "Name,Email,Phone,Birthdate,Source_id,Address_line_1,Address_line_2,Address_Postal_Code,Address_City,Address_State,Address_Country,Description,loyalty_tier,favourite colour\n" +
            "Alice,alice@example.com,+48 600,1990-04-05,m-1,Main St 1,Flat 2,00-001,Warsaw,Mazowieckie,PL,Regular,gold,\n";

        await ImportAsync(client, csv);

        var alice = await client.Customers.GetCustomerAsync("m-1");
        Assert.Equal(("Alice", "alice@example.com", "+48 600", new DateTime(1990, 4, 5), "Regular"), (alice.Name, alice.Email, alice.Phone, alice.Birthdate, alice.Description));
        var address = alice.Address!;
        Assert.Equal(("Main St 1", "Flat 2", "00-001", "Warsaw", "Mazowieckie", "PL"), (address.Line1, address.Line2, address.PostalCode, address.City, address.State, address.Country));
        // An empty cell sets nothing, so "favourite colour" is absent.
        Assert.Equal(new Dictionary<string, object> { ["loyalty_tier"] = "gold" }, alice.Metadata);
    }

    [Fact]
    public async Task Importing_an_existing_source_id_updates_it_and_merges_metadata()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();
        var existing = await client.Customers.CreateCustomerAsync(new CustomerCreateOptions
        {
            SourceId = "u-1", Name = "Old", Email = "keep@example.com",
            Metadata = new Dictionary<string, object> { ["a"] = "1" },
        });

        await ImportAsync(client, "Source_id,Name,b\nu-1,New,2\n");

        var updated = await client.Customers.GetCustomerAsync("u-1");
        Assert.Equal((existing.Id, "New", "keep@example.com"), (updated.Id, updated.Name, updated.Email));
        Assert.Equal(new Dictionary<string, object> { ["a"] = "1", ["b"] = "2" }, updated.Metadata);
    }

    [Fact]
    public async Task Bad_rows_are_reported_with_row_number_source_id_and_reason_while_good_rows_import()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();
        const string csv =
            "Source_id,Email,Birthdate,Id\n" +
            "ok-1,ok@example.com,1990-01-01,\n" +
            "bad-date,x@example.com,01/02/1990,\n" +
            "bad-mail,not-an-email,,\n" +
            "\n" +
            "bad-id,,,cust_unknown\n" +
            "too-many,a@example.com,,,extra\n" +
            "ok-2,,,\n";

        var job = await ImportAsync(client, csv);

        Assert.Equal(AsyncActionStatus.Done, job.Status);
        Assert.True(job.HasFailures);
        var result = job.GetImportCsvResult()!;
        Assert.Equal("2 customer(s) imported successfully, 4 failed.", result.Message);
        Assert.Equal((2, 4), (result.DoneCount, result.FailedCount));
        Assert.Equal(
            [(2, "bad-date"), (3, "bad-mail"), (4, "bad-id"), (5, "too-many")],
            result.Failed!.Select(f => (f.Row ?? 0, f.SourceId)));
        Assert.Contains("Birthdate", result.Failed![0].Reason);
        Assert.Contains("e-mail", result.Failed[1].Reason);
        Assert.Contains("cust_unknown", result.Failed[2].Reason);
        Assert.Contains("fields", result.Failed[3].Reason);
        Assert.Equal(2, (await client.Customers.ListCustomersAsync()).Total);
    }

    [Fact]
    public async Task Ten_thousand_rows_import_and_can_be_paged_back()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();
        var csv = new StringBuilder("Source_id,Name,Email,segment\n");
        for (var i = 0; i < 10_000; i++) csv.Append($"big-{i:00000},Customer {i},c{i}@example.com,{(i % 3 == 0 ? "a" : "b")}\n");

        var job = await ImportAsync(client, csv.ToString());
        var first = await client.Customers.ListCustomersAsync(limit: 100, order: CustomerListOrder.SourceId);
        var last = await client.Customers.ListCustomersAsync(limit: 100, page: 99, order: CustomerListOrder.SourceIdDescending);

        Assert.Equal((10_000, 0), (job.GetImportCsvResult()!.DoneCount, job.GetImportCsvResult()!.FailedCount));
        Assert.Equal(10_000, first.Total);
        Assert.Equal("big-00000", first.Customers![0].SourceId);
        Assert.Equal("big-00199", last.Customers![0].SourceId);
        Assert.True(last.HasMore);
    }

    [Theory]
    [InlineData("\r\n\r\n", "no header row")]
    [InlineData("Source_id,Name\nx-1,\"never closed\n", "not closed")]
    public async Task A_file_that_cannot_be_read_fails_the_wait_with_the_failed_job_and_its_reason(string csv, string reasonPart)
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();

        var failure = await Assert.ThrowsAsync<AsyncActionFailedException>(() => ImportAsync(client, csv));

        Assert.IsAssignableFrom<VoucherifyException>(failure);
        var job = failure.AsyncAction;
        Assert.Equal((AsyncActionStatus.Failed, "FAILED", AsyncActionType.CustomersImportCsv), (job.Status, job.OperationStatus, job.Type));
        Assert.StartsWith("aa_", failure.AsyncActionId);
        var result = job.GetImportCsvResult()!;
        Assert.Equal((0, 0), (result.DoneCount, result.FailedCount));
        Assert.Contains(reasonPart, failure.Reason);
        Assert.Equal(result.Message, failure.Reason);
        Assert.Equal($"Async action {job.Id} (CUSTOMERS.IMPORT_CSV) failed: {result.Message}.", failure.Message);
        Assert.Null(failure.Summary);
    }

    [Fact]
    public async Task Importing_a_file_from_disk_with_an_unclosed_quote_throws_rather_than_reading_as_zero_imported()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();
        var path = Path.Combine(Path.GetTempPath(), $"voucherify-unclosed-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "Source_id,Name\nx-1,\"Alice\n");
        try
        {
            var failure = await Assert.ThrowsAsync<AsyncActionFailedException>(
                () => client.Customers.ImportCustomersFromCsvAndWaitAsync(path, Sandboxes.QuickPolling()));

            Assert.Contains("not closed", failure.Reason);
            Assert.Equal(0, (await client.Customers.ListCustomersAsync()).Total);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
