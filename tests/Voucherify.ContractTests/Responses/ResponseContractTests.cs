using System.Collections.Concurrent;
using Newtonsoft.Json.Linq;
using Voucherify.ContractTests.Infrastructure;

namespace Voucherify.ContractTests.Responses;

/// <summary>
/// Every response shape the vendor's description allows must deserialize: Prism generates random responses from
/// the vendor's schemas (<c>Prefer: dynamic=true</c>) and replays each of the vendor's examples.
/// </summary>
[Collection(PrismCollection.Name)]
public sealed class ResponseContractTests(PrismFixture prism)
{
    private const int GeneratedResponsesPerOperation = 200;
    private const int ConcurrentRequests = 8;

    public static TheoryData<string> OperationIds => new(OperationSamples.ById.Keys);

    public static TheoryData<string, string> Examples
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (operationId, example) in OfficialDescription.SuccessExamples()) data.Add(operationId, example);
            // A theory needs a row even when the description is absent; that row skips.
            if (data.Count == 0) data.Add("(no vendor description)", "");
            return data;
        }
    }

    public static TheoryData<string, int> ErrorResponses
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var (operationId, status) in OfficialDescription.ErrorResponses()) data.Add(operationId, status);
            if (data.Count == 0) data.Add("(no vendor description)", 0);
            return data;
        }
    }

    [SkippableFact]
    public void Every_operation_of_the_vendor_description_has_a_call_here()
    {
        var missing = RepositoryFiles.MissingOfficialDescription();
        Skip.If(missing != null, missing);
        var document = JObject.Parse(File.ReadAllText(RepositoryFiles.OfficialDescription));
        var operationIds = document.SelectTokens("paths.*.*.operationId").Select(id => (string)id!).Order();

        Assert.Equal(operationIds, OperationSamples.ById.Keys.Order());
    }

    [SkippableTheory]
    [MemberData(nameof(OperationIds))]
    public async Task Generated_responses_deserialize(string operationId)
    {
        Skip.If(prism.SkipReason != null, prism.SkipReason);
        var clients = Enumerable.Range(0, prism.ServerCount).Select(server => prism.CreateClient(prefer: "dynamic=true", server)).ToArray();
        var call = OperationSamples.ById[operationId].Call;
        var failures = new ConcurrentBag<string>();
        var answered = 0;

        await Parallel.ForEachAsync(Enumerable.Range(0, GeneratedResponsesPerOperation), new ParallelOptions { MaxDegreeOfParallelism = ConcurrentRequests }, async (index, _) =>
        {
            var client = clients[index % clients.Length];
            try
            {
                // Only whether it reads: generated data also fills open objects with random member names, so
                // unmapped members are checked on the vendor's examples instead.
                await call.Run(client, CancellationToken.None);
                Interlocked.Increment(ref answered);
            }
            catch (Exception e)
            {
                failures.Add(e is VoucherifyApiException api ? $"{api}\nBody: {api.ResponseBody}" : e.ToString());
            }
        });

        foreach (var client in clients) client.Dispose();
        Assert.True(failures.IsEmpty, $"{failures.Count} of {GeneratedResponsesPerOperation} generated {operationId} responses failed, e.g.:\n" + string.Join("\n\n", failures.Distinct().Take(2)));
        Assert.Equal(GeneratedResponsesPerOperation, answered);
    }

    [SkippableTheory]
    [MemberData(nameof(Examples))]
    public async Task Vendor_examples_deserialize_with_every_member_mapped(string operationId, string example)
    {
        Skip.If(prism.SkipReason != null, prism.SkipReason);
        using var client = prism.CreateClient(prefer: "example=" + example);

        var response = await OperationSamples.ById[operationId].Call.Run(client, CancellationToken.None);

        Assert.NotNull(response);
        Assert.Empty(UnmappedMembers.In(response));
    }

    [SkippableTheory]
    [MemberData(nameof(ErrorResponses))]
    public async Task Vendor_error_answers_become_api_exceptions_with_their_message(string operationId, int status)
    {
        Skip.If(prism.SkipReason != null, prism.SkipReason);
        using var client = prism.CreateClient(prefer: $"code={status}");

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => OperationSamples.ById[operationId].Call.Run(client, CancellationToken.None));

        Assert.Equal(status, error.StatusCode);
        Assert.False(string.IsNullOrEmpty(error.ApiMessage), $"No message read from: {error.ResponseBody}");
        if (status == 404)
        {
            Assert.Equal("not_found", error.Key);
            Assert.StartsWith("v-", error.RequestId);
        }
    }
}
