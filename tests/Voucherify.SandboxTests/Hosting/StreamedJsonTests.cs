using System.Text;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Voucherify.Sandbox;
using Voucherify.Sandbox.Hosting;

namespace Voucherify.SandboxTests.Hosting;

/// <summary>
/// Responses are written list item by list item (so a large page is never built whole); what goes on the wire must be
/// byte for byte what the serializer writes for the whole body.
/// </summary>
public sealed class StreamedJsonTests
{
    public static TheoryData<string> Bodies => new(SampleBodies.Keys);

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_streamed_body_is_exactly_the_serialized_body(string name)
    {
        var body = SampleBodies[name];

        var streamed = await WriteAsync(body, SandboxJson.Serializer);

        Assert.Equal(Serialize(body, SandboxJson.Serializer), streamed.Text);
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Customers_written_from_their_stored_json_make_exactly_the_serialized_body(string name)
    {
        var body = SampleBodies[name];
        var fromStore = 0;

        var written = await WriteAsync(body, SandboxJson.Serializer, value => value is Customer c && ++fromStore % 2 == 1 ? SandboxJson.Utf8(c)! : null);

        Assert.Equal(Serialize(body, SandboxJson.Serializer), written.Text);
    }

    [Fact]
    public async Task A_small_body_is_sent_with_its_length_and_a_large_one_streamed_without()
    {
        var small = await WriteAsync(Page(2, metadataBytes: 100), SandboxJson.Serializer);
        var large = await WriteAsync(Page(40, metadataBytes: 10_000), SandboxJson.Serializer);

        Assert.Equal(Encoding.UTF8.GetByteCount(small.Text), small.ContentLength);
        Assert.Null(large.ContentLength);
        Assert.True(large.Text.Length > ResponseBodyWriter.BufferedBodyBytes);
    }

    private static readonly Dictionary<string, object> SampleBodies = new()
    {
        ["one customer"] = Customer(0, 50),
        ["a page of one"] = Page(1, 50),
        ["a page of many, collected whole"] = Page(40, 2_000),
        ["a page of many, larger than is collected"] = Page(40, 10_000),
        ["an empty page"] = Page(0, 0),
        ["activity"] = new CustomerActivityList
        {
            Object = "list", DataRef = "data", HasMore = false,
            Data = Enumerable.Range(0, 3).Select(i => new CustomerActivity { Id = $"evcus_{i}", Type = "customer.created", CreatedAt = DateTimeOffset.UnixEpoch.AddDays(i), GroupId = "v-1" }).ToList(),
        },
        ["a job's result with failed rows"] = new AsyncAction
        {
            Id = "aa_1", Type = "CUSTOMERS.IMPORT_CSV", Status = "DONE", Progress = 100,
            Result = new CustomersImportCsvResult
            {
                Message = "1 customer(s) imported successfully, 3 failed.", DoneCount = 1, FailedCount = 3,
                Failed = Enumerable.Range(1, 3).Select(i => new CustomersImportCsvFailedRow { Row = i, Reason = "bad" }).ToList(),
            },
        },
        ["unicode split across buffers"] = Page(3, 3000, "zażółć 🎉 "),
        ["a top-level array"] = Enumerable.Range(0, 5).Select(i => Customer(i, 10)),
    };

    private static CustomerList Page(int count, int metadataBytes, string filler = "x") => new()
    {
        Object = "list", DataRef = "customers", Total = count, HasMore = false,
        Customers = Enumerable.Range(0, count).Select(i => Customer(i, metadataBytes, filler)).ToList(),
    };

    private static Customer Customer(int i, int metadataBytes, string filler = "x")
    {
        var customer = new Customer
        {
            Id = $"cust_{i}", SourceId = $"s-{i}", Name = null, Object = "customer",
            CreatedAt = DateTimeOffset.UnixEpoch.AddSeconds(i),
            Address = new CustomerAddress { City = "Warsaw" },
            Metadata = new Dictionary<string, object> { ["text"] = string.Concat(Enumerable.Repeat(filler, metadataBytes / filler.Length)), ["n"] = i },
        };
        customer.AdditionalProperties["extension"] = i;
        return customer;
    }

    private static string Serialize(object body, JsonSerializer serializer)
    {
        var text = new StringWriter();
        serializer.Serialize(text, body);
        return text.ToString();
    }

    private static async Task<(string Text, long? ContentLength)> WriteAsync(object body, JsonSerializer serializer, Func<object, byte[]?>? serialized = null)
    {
        var context = new DefaultHttpContext();
        var sent = new MemoryStream();
        context.Response.Body = sent;
        await SandboxJson.WriteBodyAsync(context, body, serializer, serialized);
        return (Encoding.UTF8.GetString(sent.ToArray()), context.Response.ContentLength);
    }
}
