using Newtonsoft.Json.Linq;
using Voucherify.ContractTests.Infrastructure;

namespace Voucherify.ContractTests.Responses;

/// <summary>Facts read from the vendor's description for the response tests.</summary>
internal static class OfficialDescription
{
    /// <summary>(operationId, example name) of every named example of every 2xx JSON response.</summary>
    public static IEnumerable<(string OperationId, string Example)> SuccessExamples()
    {
        if (RepositoryFiles.MissingOfficialDescription() != null) yield break;
        var document = JObject.Parse(File.ReadAllText(RepositoryFiles.OfficialDescription));
        foreach (var operation in ((JObject)document["paths"]!).Properties().SelectMany(path => ((JObject)path.Value).Properties()).Where(op => op.Name != "parameters"))
        foreach (var response in ((JObject)operation.Value["responses"]!).Properties().Where(r => r.Name.StartsWith('2')))
        foreach (var example in (response.Value.SelectToken("content['application/json'].examples") as JObject)?.Properties() ?? [])
            yield return ((string)operation.Value["operationId"]!, example.Name);
    }
}
