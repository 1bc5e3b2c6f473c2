using System.Net;
using Voucherify.Http;

namespace Voucherify.ReliabilityTests;

public class BulkPayloadTests
{
    private static CustomerBulkUpdateItem Item(string sourceId, string name) => new() { SourceId = sourceId, Name = name };

    /// <summary>One item whose serialized list is exactly <paramref name="bytes"/> long.</summary>
    private static CustomerBulkUpdateItem[] ListOfSize(long bytes)
    {
        var overhead = BulkPayload.MeasureJsonBytes(new[] { Item("a", "") });
        return new[] { Item("a", new string('x', (int)(bytes - overhead))) };
    }

    [Fact]
    public async Task Bulk_update_over_10_MB_is_rejected_before_anything_is_sent()
    {
        var transport = new ScriptedTransport();
        using var client = transport.Client();
        var items = ListOfSize(BulkPayload.MaxBytes + 1);

        var error = await Assert.ThrowsAsync<VoucherifyPayloadTooLargeException>(() => client.Customers.UpdateCustomersInBulkAsync(items));

        Assert.Empty(transport.Attempts);
        Assert.Equal(10485761, error.PayloadBytes);
        Assert.Equal(10485760, error.LimitBytes);
        Assert.Equal("body", error.ParamName);
        Assert.Contains("POST /v1/customers/bulk/async", error.Message);
        Assert.Contains("Split", error.Message);
    }

    [Fact]
    public async Task Bulk_update_of_exactly_10_MB_is_sent()
    {
        var transport = new ScriptedTransport { FallbackBody = Samples.AsyncStarted, FallbackStatus = HttpStatusCode.Accepted };
        using var client = transport.Client();

        await client.Customers.UpdateCustomersInBulkAsync(ListOfSize(BulkPayload.MaxBytes));

        Assert.Equal(BulkPayload.MaxBytes, Assert.Single(transport.Attempts).Body.Length);
    }

    [Fact]
    public async Task Metadata_update_over_10_MB_is_rejected_before_anything_is_sent()
    {
        var transport = new ScriptedTransport();
        using var client = transport.Client();
        var body = new CustomerMetadataBulkUpdateOptions
        {
            SourceIds = Enumerable.Range(0, 400_000).Select(i => $"customer-{i:D12}@example.com").ToList(),
            Metadata = new Dictionary<string, object> { ["tier"] = "gold" },
        };

        var error = await Assert.ThrowsAsync<VoucherifyPayloadTooLargeException>(() => client.Customers.UpdateCustomersMetadataInBulkAsync(body));

        Assert.Empty(transport.Attempts);
        Assert.Equal(BulkPayload.MeasureJsonBytes(body), error.PayloadBytes);
    }

    [Fact]
    public async Task Empty_bulk_list_and_metadata_update_without_source_ids_are_rejected_before_sending()
    {
        var transport = new ScriptedTransport();
        using var client = transport.Client();

        var empty = await Assert.ThrowsAsync<ArgumentException>(() => client.Customers.UpdateCustomersInBulkAsync(Array.Empty<CustomerBulkUpdateItem>()));
        var noIds = await Assert.ThrowsAsync<ArgumentException>(() => client.Customers.UpdateCustomersMetadataInBulkAsync(
            new CustomerMetadataBulkUpdateOptions { SourceIds = new List<string>(), Metadata = new Dictionary<string, object> { ["tier"] = "gold" } }));

        Assert.Empty(transport.Attempts);
        Assert.Equal("body", empty.ParamName);
        Assert.Contains("no customers", empty.Message);
        Assert.Contains("SourceIds", noIds.Message);
    }
}
