using Voucherify.Http;

namespace Voucherify.ReliabilityTests;

/// <summary>Every public operation sends its requests with the generated descriptor of its spec operation attached.</summary>
public class DescriptorAttachmentTests
{
    [Theory]
    [InlineData("create (source_id)", "create-customer")]
    [InlineData("create (no id)", "create-customer")]
    [InlineData("get", "get-customer")]
    [InlineData("update", "update-customer")]
    [InlineData("delete", "delete-customer")]
    [InlineData("permanent delete", "customer-permanently-deletion")]
    [InlineData("list", "list-customers")]
    [InlineData("activity", "list-customer-activity")]
    [InlineData("redeemables", "list-customer-redeemables")]
    [InlineData("segments", "list-customer-segments")]
    [InlineData("import CSV (seekable)", "import-customers-using-csv")]
    [InlineData("bulk update", "update-customers-in-bulk")]
    [InlineData("metadata update", "update-customers-metadata-in-bulk")]
    [InlineData("get async action", "get-async-action")]
    public async Task The_request_carries_its_operations_descriptor(string operation, string operationId)
    {
        var seen = new List<OperationDescriptor?>();
        var transport = new ScriptedTransport().Then((request, _) =>
        {
            seen.Add(RequestState.GetOperation(request));
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NotFound));
        });
        using var client = transport.Client(o => o.Retry.MaxAttempts = 1);

        await Assert.ThrowsAsync<VoucherifyApiException>(() => Operations.All.Single(o => o.Name == operation).Run(client, CancellationToken.None));

        Assert.Equal(operationId, Assert.Single(seen)?.Id);
    }
}
