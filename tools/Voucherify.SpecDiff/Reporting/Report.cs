using Voucherify.SpecDiff.Diff;

namespace Voucherify.SpecDiff.Reporting;

/// <summary>Everything one run found: the API changes (acknowledgements applied) and the C# baseline changes.</summary>
internal sealed record Report(string SpecPath, string BaseRef, string BaseCommit, IReadOnlyList<Change> Api, IReadOnlyList<Change> CSharp, IReadOnlyList<string> Notes)
{
    /// <summary>Breaking API changes that CHANGELOG.md does not name: what makes the exit code 1.</summary>
    public IReadOnlyList<Change> Unacknowledged => Api.Where(c => c.Severity == Severity.Breaking && !c.Acknowledged).ToArray();

    /// <summary>Every change, API first.</summary>
    public IEnumerable<Change> All => Api.Concat(CSharp);
}
