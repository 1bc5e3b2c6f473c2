using Voucherify.ContractTests.Infrastructure;
using Xunit.Abstractions;

namespace Voucherify.ContractTests.Drift;

/// <summary>
/// Fails when openapi/voucherify-customers.yaml differs from the vendor's description in a way
/// openapi/drift-allowlist.yaml does not explain, or when a rule there no longer explains anything.
/// </summary>
public sealed class SpecDriftTests(ITestOutputHelper output)
{
    /// <summary>Set to a file path to get the report as markdown (e.g. for a pull-request comment).</summary>
    public const string ReportVariable = "VOUCHERIFY_DRIFT_REPORT";

    [SkippableFact]
    public void The_project_spec_differs_from_the_vendor_description_only_where_the_allow_list_says_why()
    {
        var missing = RepositoryFiles.MissingOfficialDescription();
        Skip.If(missing != null, missing);

        var differences = DriftComparer.Compare(
            ContractFacts.From(OpenApiDocument.Load(RepositoryFiles.OfficialDescription)),
            ContractFacts.From(OpenApiDocument.Load(RepositoryFiles.ProjectSpec)));
        var report = DriftReport.Build(differences, DriftAllowList.Load(RepositoryFiles.DriftAllowList));

        var markdown = report.ToMarkdown();
        output.WriteLine(markdown);
        if (Environment.GetEnvironmentVariable(ReportVariable) is { Length: > 0 } reportPath)
            File.WriteAllText(reportPath, markdown);
        Assert.True(report.IsClean, markdown);
    }
}
