using System.Text.RegularExpressions;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Voucherify.ContractTests.Drift;

/// <summary>One intentional difference: which differences it covers, and why they are intended.</summary>
internal sealed class AllowRule
{
    /// <summary>The difference kind, or a <c>*</c> pattern over kinds.</summary>
    public string Kind { get; set; } = "";

    /// <summary><c>*</c> patterns over the difference's place, e.g. <c>list-customer-activity 200 data[].data.*</c>; any one may match.</summary>
    public List<string> Where { get; set; } = ["*"];

    public string Reason { get; set; } = "";

    public bool Covers(Difference difference) => Matches(Kind, difference.Kind) && Where.Any(pattern => Matches(pattern, difference.Where));

    private static bool Matches(string pattern, string text) =>
        Regex.IsMatch(text, "^" + string.Join(".*", pattern.Split('*').Select(Regex.Escape)) + "$", RegexOptions.CultureInvariant);
}

/// <summary><c>openapi/drift-allowlist.yaml</c>: the differences the project's spec makes on purpose.</summary>
internal sealed class DriftAllowList
{
    public List<AllowRule> Allowed { get; set; } = [];

    public static DriftAllowList Load(string path)
    {
        var list = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
            .Deserialize<DriftAllowList>(File.ReadAllText(path)) ?? new DriftAllowList();
        var unexplained = list.Allowed.Where(rule => string.IsNullOrWhiteSpace(rule.Reason) || string.IsNullOrWhiteSpace(rule.Kind)).ToList();
        if (unexplained.Count > 0)
            throw new InvalidDataException($"{path}: every entry needs a kind and a reason; missing in: {string.Join(", ", unexplained.Select(r => string.Join(" ", r.Where)))}");
        return list;
    }

    /// <summary>The first rule covering <paramref name="difference"/>, or null when it is not intended.</summary>
    public AllowRule? RuleFor(Difference difference) => Allowed.FirstOrDefault(rule => rule.Covers(difference));
}
