using System.Text;

namespace Voucherify.ContractTests.Drift;

/// <summary>The drift between the two descriptions, sorted into unexplained differences and allow-list rules.</summary>
internal sealed class DriftReport
{
    private DriftReport(List<Difference> unexplained, List<(AllowRule Rule, List<Difference> Covered)> rules)
    {
        Unexplained = unexplained;
        Rules = rules;
    }

    public List<Difference> Unexplained { get; }

    public List<(AllowRule Rule, List<Difference> Covered)> Rules { get; }

    /// <summary>Rules that no longer cover anything: the difference they explained is gone, so the rule must go too.</summary>
    public IEnumerable<AllowRule> StaleRules => Rules.Where(r => r.Covered.Count == 0).Select(r => r.Rule);

    public bool IsClean => Unexplained.Count == 0 && !StaleRules.Any();

    public static DriftReport Build(IEnumerable<Difference> differences, DriftAllowList allowList)
    {
        var rules = allowList.Allowed.Select(rule => (rule, new List<Difference>())).ToList();
        var unexplained = new List<Difference>();
        foreach (var difference in differences)
        {
            var index = rules.FindIndex(r => r.rule.Covers(difference));
            if (index < 0) unexplained.Add(difference);
            else rules[index].Item2.Add(difference);
        }
        return new DriftReport(unexplained, rules);
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("## Spec drift: openapi/voucherify-customers.yaml vs the vendor's description").AppendLine();
        text.AppendLine(IsClean
            ? $"No unexplained differences; {Rules.Sum(r => r.Covered.Count)} differences are intended ({Rules.Count} rules in openapi/drift-allowlist.yaml)."
            : $"**{Unexplained.Count} unexplained difference(s), {StaleRules.Count()} stale rule(s).** Fix the spec, or add a rule with a reason to openapi/drift-allowlist.yaml.");
        if (Unexplained.Count > 0)
        {
            text.AppendLine().AppendLine("### Not in the allow-list").AppendLine();
            text.AppendLine("| Kind | Where | Vendor | Ours |").AppendLine("| --- | --- | --- | --- |");
            foreach (var d in Unexplained) text.AppendLine($"| {d.Kind} | `{Cell(d.Where)}` | {Cell(d.Vendor)} | {Cell(d.Ours)} |");
        }
        text.AppendLine().AppendLine("### Intended differences (openapi/drift-allowlist.yaml)").AppendLine();
        text.AppendLine("| Kind | Where | Count | For example | Reason |").AppendLine("| --- | --- | ---: | --- | --- |");
        foreach (var (rule, covered) in Rules)
        {
            var example = covered.Count == 0 ? "**stale: matches nothing**" : $"`{Cell(covered[0].Where)}`: {Cell(covered[0].Vendor)} → {Cell(covered[0].Ours)}";
            text.AppendLine($"| {rule.Kind} | {string.Join("<br>", rule.Where.Select(w => $"`{Cell(w)}`"))} | {covered.Count} | {example} | {Cell(rule.Reason)} |");
        }
        return text.ToString();
    }

    private static string Cell(string value) => value.Replace("|", "\\|").Replace("\n", " ").Trim();
}
