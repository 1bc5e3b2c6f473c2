using Newtonsoft.Json.Linq;
using Voucherify.ContractTests.Infrastructure;

namespace Voucherify.ContractTests.Responses;

/// <summary>Facts read from the vendor's description for the response tests.</summary>
internal static class OfficialDescription
{
    /// <summary>(operationId, example name) of every named example of every 2xx JSON response.</summary>
    public static IEnumerable<(string OperationId, string Example)> SuccessExamples() =>
        from response in Responses()
        where response.Status.StartsWith('2')
        from example in (response.Definition.SelectToken("content['application/json'].examples") as JObject)?.Properties() ?? []
        select (response.OperationId, example.Name);

    /// <summary>(operationId, status) of every error response the vendor declares.</summary>
    public static IEnumerable<(string OperationId, int Status)> ErrorResponses() =>
        from response in Responses()
        where !response.Status.StartsWith('2')
        select (response.OperationId, int.Parse(response.Status));

    private static IEnumerable<(string OperationId, string Status, JToken Definition)> Responses()
    {
        if (RepositoryFiles.MissingOfficialDescription() != null) return [];
        var document = JObject.Parse(File.ReadAllText(RepositoryFiles.OfficialDescription));
        return from path in ((JObject)document["paths"]!).Properties()
               from operation in ((JObject)path.Value).Properties()
               where operation.Name != "parameters"
               from response in ((JObject)operation.Value["responses"]!).Properties()
               select ((string)operation.Value["operationId"]!, response.Name, response.Value);
    }
}
