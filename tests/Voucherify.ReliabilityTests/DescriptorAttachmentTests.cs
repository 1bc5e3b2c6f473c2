using Voucherify.Http;

namespace Voucherify.ReliabilityTests;

/// <summary>Every sample call of every operation sends its requests with the generated descriptor of that operation attached.</summary>
public class DescriptorAttachmentTests
{
    public static TheoryData<string> CallNames => new(OperationSamples.AllCalls.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CallNames))]
    public async Task The_request_carries_its_operations_descriptor(string name)
    {
        var call = OperationSamples.AllCalls.Single(c => c.Name == name);
        var seen = new List<OperationDescriptor?>();
        var transport = new ScriptedTransport().Then((request, _) =>
        {
            seen.Add(RequestState.GetOperation(request));
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NotFound));
        });
        using var client = transport.Client(o => o.Retry.MaxAttempts = 1);

        await Assert.ThrowsAsync<VoucherifyApiException>(() => call.Run(client, CancellationToken.None));

        Assert.Equal(call.OperationId, Assert.Single(seen)?.Id);
    }
}
