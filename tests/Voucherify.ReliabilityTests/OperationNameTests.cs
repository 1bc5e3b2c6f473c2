namespace Voucherify.ReliabilityTests;

public class OperationNameTests
{
    [Theory]
    [InlineData("get", "GET /v1/customers/{customerId}")]
    [InlineData("update", "PUT /v1/customers/{customerId}")]
    [InlineData("list", "GET /v1/customers")]
    [InlineData("activity", "GET /v1/customers/{customerId}/activity")]
    [InlineData("permanent delete", "POST /v1/customers/{customerId}/permanent-deletion")]
    [InlineData("import CSV (seekable)", "POST /v1/customers/importCSV")]
    [InlineData("bulk update", "POST /v1/customers/bulk/async")]
    [InlineData("metadata update", "POST /v1/customers/metadata/async")]
    [InlineData("get async action", "GET /v1/async-actions/{asyncActionId}")]
    public async Task Network_errors_name_the_operation_by_its_path_template_even_under_a_proxy_prefix(string operation, string expected)
    {
        var transport = new ScriptedTransport().ThenThrow(ScriptedTransport.Reset());
        using var client = transport.Client(o => { o.BaseUri = new Uri("https://proxy.example.com/voucherify/"); o.Retry.MaxAttempts = 1; });

        var error = await Assert.ThrowsAsync<VoucherifyNetworkException>(() => OperationSamples.AllCalls.Single(o => o.Name == operation).Run(client, CancellationToken.None));

        Assert.Equal(expected, error.Operation);
        Assert.StartsWith(expected + " failed after 1 attempt", error.Message);
        Assert.StartsWith("https://proxy.example.com/voucherify/v1/", transport.Attempts.Single().Uri.AbsoluteUri);
        Assert.DoesNotContain("alice", error.Message);
        Assert.DoesNotContain("limit=", error.Message);
    }
}
