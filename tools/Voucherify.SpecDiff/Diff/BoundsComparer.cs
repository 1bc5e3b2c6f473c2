using Microsoft.OpenApi;

namespace Voucherify.SpecDiff.Diff;

/// <summary>
/// The range keywords of one schema pair: <c>minimum</c>/<c>maximum</c> (and their exclusive forms), lengths, item and
/// property counts, <c>pattern</c>, <c>multipleOf</c> and <c>uniqueItems</c>. A raised lower bound or a lowered upper
/// bound narrows; the opposite widens; a bound that appears narrows and one that disappears widens.
/// </summary>
internal sealed class BoundsComparer(SchemaComparer walk, IOpenApiSchema before, IOpenApiSchema after, SchemaSite site)
{
    /// <summary>Compares every range keyword.</summary>
    public void Compare()
    {
        Bound("minimum", upper: false, before.Minimum, after.Minimum);
        Bound("maximum", upper: true, before.Maximum, after.Maximum);
        Bound("exclusiveMinimum", upper: false, before.ExclusiveMinimum, after.ExclusiveMinimum);
        Bound("exclusiveMaximum", upper: true, before.ExclusiveMaximum, after.ExclusiveMaximum);
        Bound("minLength", upper: false, Values.Text(before.MinLength), Values.Text(after.MinLength));
        Bound("maxLength", upper: true, Values.Text(before.MaxLength), Values.Text(after.MaxLength));
        Bound("minItems", upper: false, Values.Text(before.MinItems), Values.Text(after.MinItems));
        Bound("maxItems", upper: true, Values.Text(before.MaxItems), Values.Text(after.MaxItems));
        Bound("minProperties", upper: false, Values.Text(before.MinProperties), Values.Text(after.MinProperties));
        Bound("maxProperties", upper: true, Values.Text(before.MaxProperties), Values.Text(after.MaxProperties));
        Constraint("pattern", before.Pattern, after.Pattern);
        Constraint("multipleOf", before.MultipleOf?.ToString(), after.MultipleOf?.ToString());
        if ((before.UniqueItems ?? false) != (after.UniqueItems ?? false))
            Judge("uniqueItems", narrows: after.UniqueItems ?? false, $"uniqueItems {before.UniqueItems ?? false} → {after.UniqueItems ?? false}",
                (before.UniqueItems ?? false).ToString().ToLowerInvariant(), (after.UniqueItems ?? false).ToString().ToLowerInvariant());
    }

    private void Bound(string keyword, bool upper, string? was, string? now)
    {
        if (was == now) return;
        var text = $"{keyword} {was ?? "(none)"} → {now ?? "(none)"}";
        if (was is null) { Judge(keyword, narrows: true, text, was, now, "-added"); return; }
        if (now is null) { Judge(keyword, narrows: false, text, was, now, "-removed"); return; }
        if (Values.Number(was) is not { } old || Values.Number(now) is not { } @new)
        {
            walk.Add(Pointer.Append(site.NewPointer, keyword), keyword + "-changed", Severity.Breaking, $"{site.Subject}: {text}; the ranges cannot be compared", was, now);
            return;
        }
        if (old == @new) return;   // the same number written differently (10 and 10.0)
        var lowered = @new < old;
        Judge(keyword, narrows: upper == lowered, text, was, now, lowered ? "-lowered" : "-raised");
    }

    /// <summary>A keyword whose two values cannot be ordered (a pattern, a multiple): added narrows, removed widens, changed may do both.</summary>
    private void Constraint(string keyword, string? was, string? now)
    {
        if (was == now) return;
        var text = $"{keyword} {Show(was)} → {Show(now)}";
        if (was is null) Judge(keyword, narrows: true, text, was, now, "-added");
        else if (now is null) Judge(keyword, narrows: false, text, was, now, "-removed");
        else walk.Add(Pointer.Append(site.NewPointer, keyword), keyword + "-changed", Severity.Breaking,
            $"{site.Subject}: {text}; values the old one allowed may be refused and new ones may appear", was, now);
    }

    private void Judge(string keyword, bool narrows, string text, string? was, string? now, string suffix = "-changed")
    {
        var location = Pointer.Append(now is null ? site.BasePointer : site.NewPointer, keyword);
        walk.Add(location, keyword + suffix, narrows ? walk.Direction.Narrowing() : walk.Direction.Widening(),
            $"{site.Subject}: {text}{walk.Consequence(widens: !narrows)}", was, now);
    }

    private static string Show(string? value) => value is null ? "(none)" : $"'{value}'";
}
