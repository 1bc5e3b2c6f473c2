using Microsoft.OpenApi;

namespace Voucherify.SpecDiff.Diff;

/// <summary>
/// Compares the schemas of one operation in one direction, following references. Each keyword's change is judged by
/// whether it narrows or widens what is allowed; <see cref="DirectionRules"/> turns that into a severity for the
/// direction. Every schema pair is compared once per walk, so recursive schemas end.
/// </summary>
internal sealed class SchemaComparer(ChangeCollector changes, string operation, Direction direction)
{
    private readonly HashSet<(string, string)> _visited = [];

    /// <summary>Compares two schemas found at <paramref name="site"/> (either may be absent).</summary>
    public void Compare(IOpenApiSchema? before, IOpenApiSchema? after, SchemaSite site)
    {
        if (before is null && after is null) return;
        site = site with { BasePointer = Definition(before, site.BasePointer), NewPointer = Definition(after, site.NewPointer) };
        if (!_visited.Add((site.BasePointer, site.NewPointer))) return;

        if (before is null)
        {
            Add(site.NewPointer, "schema-added", direction.Narrowing(), $"{site.Subject}: a schema now constrains what was unconstrained");
            return;
        }
        if (after is null)
        {
            Add(site.BasePointer, "schema-removed", direction.Widening(), $"{site.Subject}: its schema is gone, anything goes");
            return;
        }

        CompareType(before, after, site);
        CompareFormat(before, after, site);
        CompareEnum(before, after, site);
        new BoundsComparer(this, before, after, site).Compare();
        CompareProperties(before, after, site);
        CompareAdditionalProperties(before, after, site);
        Compare(before.Items, after.Items, site.Items());
        CompareComposition("allOf", before.AllOf, after.AllOf, site, addingNarrows: true);
        CompareComposition("oneOf", before.OneOf, after.OneOf, site, addingNarrows: false);
        CompareComposition("anyOf", before.AnyOf, after.AnyOf, site, addingNarrows: false);
        CompareDefault(before, after, site);
        if (before.Deprecated != after.Deprecated)
            Add(site.NewPointer, after.Deprecated ? "deprecated" : "undeprecated", Severity.Info,
                $"{site.Subject} is {(after.Deprecated ? "now" : "no longer")} deprecated");
        ExtensionComparer.CompareOther(changes, operation, direction, before.Extensions, after.Extensions, site.BasePointer, site.NewPointer, site.Subject);
    }

    /// <summary>Records a finding for this walk's operation and direction.</summary>
    internal void Add(string location, string kind, Severity severity, string reason, string? before = null, string? after = null) =>
        changes.Add(operation, direction, location, kind, severity, reason, before, after);

    /// <summary>The direction this walk judges.</summary>
    internal Direction Direction => direction;

    /// <summary>A referenced schema is located where it is defined, so one edit there is one entry.</summary>
    private static string Definition(IOpenApiSchema? schema, string pointer) =>
        schema is OpenApiSchemaReference { Reference.Id: { } id } ? Pointer.Append(Pointer.Root, "components", "schemas", id) : pointer;

    private void CompareType(IOpenApiSchema before, IOpenApiSchema after, SchemaSite site)
    {
        if (before.Type == after.Type) return;
        var (was, now) = (SchemaTypes.Describe(before.Type), SchemaTypes.Describe(after.Type));
        var location = Pointer.Append(site.NewPointer, "type");
        if (SchemaTypes.WithoutNull(before.Type) == SchemaTypes.WithoutNull(after.Type))
        {
            var nullable = SchemaTypes.IsNullable(after.Type);
            Add(location, nullable ? "nullable-added" : "nullable-removed", nullable ? direction.Widening() : direction.Narrowing(),
                nullable
                    ? $"{site.Subject} may now be null: {(direction == Direction.Response ? "callers reading it must handle null" : "callers may send null")}"
                    : $"{site.Subject} may no longer be null: {(direction == Direction.Response ? "callers no longer see null" : "callers sending null are refused")}",
                was, now);
        }
        else if (SchemaTypes.Covers(after.Type, before.Type))
            Add(location, "type-widened", direction.Widening(), $"{site.Subject}: type {was} → {now} admits more values{Consequence(widens: true)}", was, now);
        else if (SchemaTypes.Covers(before.Type, after.Type))
            Add(location, "type-narrowed", direction.Narrowing(), $"{site.Subject}: type {was} → {now} admits fewer values{Consequence(widens: false)}", was, now);
        else
            Add(location, "type-changed", Severity.Breaking, $"{site.Subject}: type {was} → {now}; values of the old type are not values of the new", was, now);
    }

    private void CompareFormat(IOpenApiSchema before, IOpenApiSchema after, SchemaSite site)
    {
        if (before.Format == after.Format) return;
        var location = Pointer.Append(after.Format is null ? site.BasePointer : site.NewPointer, "format");
        var text = $"{site.Subject}: format {before.Format ?? "(none)"} → {after.Format ?? "(none)"}";
        if (before.Format is null)
            Add(location, "format-added", direction.Narrowing(), text + Consequence(widens: false), before.Format, after.Format);
        else if (after.Format is null)
            Add(location, "format-removed", direction.Widening(), text + Consequence(widens: true), before.Format, after.Format);
        else if (SchemaTypes.FormatWidens(before.Format, after.Format))
            Add(location, "format-widened", direction.Widening(), text + Consequence(widens: true), before.Format, after.Format);
        else if (SchemaTypes.FormatWidens(after.Format, before.Format))
            Add(location, "format-narrowed", direction.Narrowing(), text + Consequence(widens: false), before.Format, after.Format);
        else
            Add(location, "format-changed", Severity.Breaking, text + "; values in the old format are not values of the new", before.Format, after.Format);
    }

    private void CompareEnum(IOpenApiSchema before, IOpenApiSchema after, SchemaSite site)
    {
        var was = before.Enum?.Select(Values.Json).ToList();
        var now = after.Enum?.Select(Values.Json).ToList();
        if (was is null or [] && now is null or []) return;
        if (was is null or [])
        {
            Add(Pointer.Append(site.NewPointer, "enum"), "enum-added", direction.Narrowing(),
                $"{site.Subject} is now limited to {string.Join(", ", now!)}{Consequence(widens: false)}", null, string.Join(", ", now!));
            return;
        }
        if (now is null or [])
        {
            Add(Pointer.Append(site.BasePointer, "enum"), "enum-removed", direction.Widening(),
                $"{site.Subject} is no longer limited to {string.Join(", ", was)}{Consequence(widens: true)}", string.Join(", ", was), null);
            return;
        }
        for (var i = 0; i < was.Count; i++)
            if (!now.Contains(was[i]))
                Add(Pointer.Append(site.BasePointer, "enum", i.ToString()), "enum-value-removed", direction.Narrowing(),
                    direction == Direction.Response
                        ? $"{site.Subject}: {was[i]} is no longer returned"
                        : $"{site.Subject}: {was[i]} is no longer accepted; callers that send it are refused", was[i], null);
        for (var i = 0; i < now.Count; i++)
            if (!was.Contains(now[i]))
                Add(Pointer.Append(site.NewPointer, "enum", i.ToString()), "enum-value-added", direction.Widening(),
                    direction == Direction.Response
                        ? $"{site.Subject}: the closed enum gains {now[i]}; callers that map it to the known values meet an unknown one"
                        : $"{site.Subject}: {now[i]} is accepted too", null, now[i]);
    }

    private void CompareProperties(IOpenApiSchema before, IOpenApiSchema after, SchemaSite site)
    {
        var was = Visible(before);
        var now = Visible(after);
        var wasRequired = before.Required ?? new HashSet<string>();
        var nowRequired = after.Required ?? new HashSet<string>();
        foreach (var (name, schema) in was)
        {
            var member = site.Member(name);
            if (!now.TryGetValue(name, out var kept))
            {
                Add(member.BasePointer, "member-removed", Severity.Breaking, direction == Direction.Response
                    ? $"{member.Subject} is no longer returned; callers that read it get nothing"
                    : $"{member.Subject} is gone; callers that send it are refused or silently ignored");
                continue;
            }
            var (required, wasReq) = (nowRequired.Contains(name), wasRequired.Contains(name));
            if (required && !wasReq)
                Add(Pointer.Append(site.NewPointer, "required"), "member-became-required", direction.Narrowing(), direction == Direction.Response
                    ? $"{member.Subject} is now always returned"
                    : $"{member.Subject} is now required; callers that omit it are refused");
            else if (!required && wasReq)
                Add(Pointer.Append(site.NewPointer, "required"), "member-became-optional", direction.Widening(), direction == Direction.Response
                    ? $"{member.Subject} is no longer always returned; callers that rely on it may get nothing"
                    : $"{member.Subject} may now be omitted");
            Compare(schema, kept, member);
        }
        foreach (var name in now.Keys.Where(n => !was.ContainsKey(n)))
        {
            var member = site.Member(name);
            if (direction == Direction.Request && nowRequired.Contains(name))
                Add(member.NewPointer, "required-member-added", Severity.Breaking, $"{member.Subject} is new and required; callers that do not send it are refused");
            else if (direction == Direction.Response)
                Add(member.NewPointer, "member-added", Severity.NonBreaking, $"{member.Subject} is new in responses; callers that do not know it ignore it");
            else
                Add(member.NewPointer, "optional-member-added", Severity.NonBreaking, $"{member.Subject} is new and optional");
        }
    }

    /// <summary>The properties that travel in this walk's direction (readOnly ones are never sent, writeOnly never returned).</summary>
    private IReadOnlyDictionary<string, IOpenApiSchema> Visible(IOpenApiSchema schema) =>
        (schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            .Where(p => direction == Direction.Request ? !p.Value.ReadOnly : !p.Value.WriteOnly)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    private void CompareAdditionalProperties(IOpenApiSchema before, IOpenApiSchema after, SchemaSite site)
    {
        var location = Pointer.Append(site.NewPointer, "additionalProperties");
        if (before.AdditionalPropertiesAllowed && !after.AdditionalPropertiesAllowed)
            Add(location, "additional-properties-closed", direction.Narrowing(), direction == Direction.Response
                ? $"{site.Subject}: responses no longer carry members beyond the listed ones"
                : $"{site.Subject}: members beyond the listed ones are now refused", "true", "false");
        else if (!before.AdditionalPropertiesAllowed && after.AdditionalPropertiesAllowed)
            // Not a widening that hurts in a response: the client keeps unknown members (AdditionalProperties).
            Add(location, "additional-properties-opened", Severity.NonBreaking,
                $"{site.Subject}: members beyond the listed ones are allowed{(direction == Direction.Response ? "; the client keeps unknown members" : "")}", "false", "true");
        else if (before.AdditionalPropertiesAllowed)
            Compare(before.AdditionalProperties, after.AdditionalProperties,
                site.Child("additionalProperties") with { MemberPath = site.MemberPath + "[*]" });
    }

    private void CompareComposition(string keyword, IList<IOpenApiSchema>? before, IList<IOpenApiSchema>? after, SchemaSite site, bool addingNarrows)
    {
        var (was, now) = (before?.Count ?? 0, after?.Count ?? 0);
        if (now > was)
            Add(Pointer.Append(site.NewPointer, keyword), $"{keyword}-member-added", addingNarrows ? direction.Narrowing() : direction.Widening(),
                $"{site.Subject}: {keyword} gains {now - was} schema(s){Consequence(widens: !addingNarrows)}", was.ToString(), now.ToString());
        else if (now < was)
            Add(Pointer.Append(site.BasePointer, keyword), $"{keyword}-member-removed", addingNarrows ? direction.Widening() : direction.Narrowing(),
                $"{site.Subject}: {keyword} loses {was - now} schema(s){Consequence(widens: addingNarrows)}", was.ToString(), now.ToString());
        for (var i = 0; i < Math.Min(was, now); i++)
            Compare(before![i], after![i], site.Child(keyword, i.ToString()));
    }

    private void CompareDefault(IOpenApiSchema before, IOpenApiSchema after, SchemaSite site)
    {
        if (direction != Direction.Request) return;   // a default only decides what the server assumes for an omitted value
        var (was, now) = (before.Default is null ? null : Values.Json(before.Default), after.Default is null ? null : Values.Json(after.Default));
        if (was != now)
            Add(Pointer.Append(site.NewPointer, "default"), "default-changed", Severity.Info,
                $"{site.Subject}: default {was ?? "(none)"} → {now ?? "(none)"}; callers that omit it get different behaviour", was, now);
    }

    /// <summary>The second half of a reason: what accepting or promising more or less means in this direction.</summary>
    internal string Consequence(bool widens) => (direction, widens) switch
    {
        (Direction.Response, true) => "; responses may carry values callers were not promised",
        (Direction.Response, false) => "; responses stay within what callers already handle",
        (_, true) => "; everything callers sent before is still accepted",
        (_, false) => "; some values callers could send before are now refused",
    };
}
