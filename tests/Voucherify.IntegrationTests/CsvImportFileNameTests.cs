using System.Text;
using Voucherify.IntegrationTests.Infrastructure;

namespace Voucherify.IntegrationTests;

/// <summary>A file name is metadata the caller may take from anywhere; every import overload puts a safe one on the wire.</summary>
public sealed class CsvImportFileNameTests
{
    private static Stream Csv() => new MemoryStream(Encoding.UTF8.GetBytes("Source_id,Name\r\nfn-1,Alice\r\n"));

    public static TheoryData<string?, string> Names => new()
    {
        { "evil\r\nX-Injected: 1.csv", "evil__X-Injected: 1.csv" },
        { "za\u017C\u00F3\u0142\u0107 \"q\" a\\b.csv", "za____ _q_ a_b.csv" },
        { null, "file" },
        { "  ", "file" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task The_FileParameter_overload_sends_a_printable_ascii_file_name_instead_of_throwing(string? given, string sent)
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();

        var started = await client.Customers.ImportCustomersFromCsvAsync(new FileParameter(Csv(), given, "text/csv"));

        Assert.StartsWith("aa_", started.AsyncActionId);
        var file = Assert.Single(Assert.Single(sandbox.Requests, r => r.OperationId == "import-customers-using-csv").Files);
        Assert.Equal(("file", sent), (file.Name, file.FileName));
    }

    [Fact]
    public async Task The_stream_overload_sanitises_the_same_way()
    {
        await using var sandbox = await Sandboxes.StartAsync();
        using var client = sandbox.CheckedClient();

        await client.Customers.ImportCustomersFromCsvAsync(Csv(), "a\rb\n.csv");

        var file = Assert.Single(Assert.Single(sandbox.Requests, r => r.OperationId == "import-customers-using-csv").Files);
        Assert.Equal("a_b_.csv", file.FileName);
    }
}
