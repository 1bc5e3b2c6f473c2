using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Voucherify.Sandbox.Customers;

/// <summary>
/// The redeemables list's nested <c>filters</c> query: <c>filters[holder_role][conditions][$in][0]=OWNER</c>,
/// <c>filters[created_at][conditions][$after]=…</c>, <c>filters[junction]=or</c>. Conditions on one field all must
/// hold; fields combine by the junction (<c>and</c> unless <c>or</c>).
/// </summary>
internal sealed partial class RedeemablesFilter
{
    private static readonly string[] StringFields = ["id", "redeemable_id", "redeemable_object", "holder_role", "campaign_id", "campaign_type", "voucher_type"];
    private static readonly string[] StringOperators = ["$in", "$not_in", "$is", "$is_not", "$has_value", "$is_unknown", "$starts_with", "$ends_with", "$contains", "$not_contain"];
    private static readonly string[] DateOperators = ["$after", "$before", "$has_value", "$is_unknown", "$more_than", "$less_than"];

    private readonly List<(string Field, Func<CustomerRedeemable, DateTimeOffset, bool> Test)> _conditions = [];
    private bool _any;

    [GeneratedRegex(@"^filters\[(?<field>[a-z_]+)\](\[conditions\]\[(?<op>\$[a-z_]+)\](\[(?<index>\d+)\])?)?$")]
    private static partial Regex FilterKey();

    /// <summary>Null (with the reason) when a key names an unknown field or operator, or a value is malformed.</summary>
    public static RedeemablesFilter? Parse(IQueryCollection query, out string? problem)
    {
        var filter = new RedeemablesFilter();
        // $in and $not_in arrive as indexed keys ([$in][0], [$in][1]); their values are gathered before use.
        var operands = new Dictionary<(string Field, string Op), List<string>>();
        problem = null;
        foreach (var (key, values) in query)
        {
            if (!key.StartsWith("filters", StringComparison.Ordinal)) continue;
            var match = FilterKey().Match(key);
            var field = match.Groups["field"].Value;
            var op = match.Groups["op"].Value;
            if (match.Success && field == "junction" && op.Length == 0 && values.ToString() is "and" or "or")
            {
                filter._any = values.ToString() == "or";
                continue;
            }
            var isDate = field == "created_at";
            if (!match.Success || !(isDate || StringFields.Contains(field)) || !(isDate ? DateOperators : StringOperators).Contains(op))
            {
                problem = $"{key} is not a filter this endpoint knows";
                return null;
            }
            if (!operands.TryGetValue((field, op), out var list)) operands[(field, op)] = list = [];
            list.AddRange(values.Select(v => v ?? string.Empty));
        }
        foreach (var ((field, op), values) in operands)
        {
            if (field == "created_at" ? filter.AddDate(op, values[0]) : filter.AddString(field, op, values)) continue;
            problem = $"filters[{field}][conditions][{op}] has a malformed value";
            return null;
        }
        return filter;
    }

    public bool Matches(CustomerRedeemable redeemable, DateTimeOffset now)
    {
        if (_conditions.Count == 0) return true;
        // Conditions of one field all hold for that field to match; the junction combines the fields.
        var fields = _conditions.GroupBy(c => c.Field).Select(g => g.All(c => c.Test(redeemable, now)));
        return _any ? fields.Any(f => f) : fields.All(f => f);
    }

    private bool AddString(string field, string op, List<string> listed)
    {
        var value = listed[0];
        Func<string?, bool> test = op switch
        {
            "$in" => v => v is not null && listed.Contains(v),
            "$not_in" => v => v is null || !listed.Contains(v),
            "$is" => v => v == value,
            "$is_not" => v => v != value,
            "$has_value" => v => !string.IsNullOrEmpty(v),
            "$is_unknown" => string.IsNullOrEmpty,
            "$starts_with" => v => v is not null && v.StartsWith(value, StringComparison.Ordinal),
            "$ends_with" => v => v is not null && v.EndsWith(value, StringComparison.Ordinal),
            "$contains" => v => v is not null && v.Contains(value, StringComparison.Ordinal),
            _ => v => v is null || !v.Contains(value, StringComparison.Ordinal),
        };
        _conditions.Add((field, (r, _) => test(Field(r, field))));
        return true;
    }

    private bool AddDate(string op, string value)
    {
        Func<DateTimeOffset?, DateTimeOffset, bool>? test = null;
        if (op is "$has_value") test = (v, _) => v is not null;
        else if (op is "$is_unknown") test = (v, _) => v is null;
        else if (op is "$after" or "$before" && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            test = op == "$after" ? (v, _) => v > instant : (v, _) => v < instant;
        else if (op is "$more_than" or "$less_than" && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
            test = op == "$more_than" ? (v, now) => v < DaysAgo(now, days) : (v, now) => v > DaysAgo(now, days);
        if (test is null) return false;
        _conditions.Add(("created_at", (r, now) => test(r.CreatedAt, now)));
        return true;
    }

    /// <summary>
    /// The instant <paramref name="days"/> before <paramref name="now"/>, or the earliest one there is: 740 000 days
    /// ago is before year 1, so "more than" it matches nothing and "less than" it everything, rather than a 500.
    /// </summary>
    private static DateTimeOffset DaysAgo(DateTimeOffset now, int days) =>
        days > (now - DateTimeOffset.MinValue).TotalDays ? DateTimeOffset.MinValue : now.AddDays(-days);

    private static string? Field(CustomerRedeemable r, string field) => field switch
    {
        "id" => r.Id,
        "redeemable_id" => r.RedeemableId,
        "redeemable_object" => r.RedeemableObject,
        "holder_role" => r.HolderRole,
        "campaign_id" => r.CampaignId,
        "campaign_type" => r.CampaignType,
        _ => r.VoucherType,
    };
}
