namespace Voucherify.SpecDiff.Diff;

/// <summary>
/// One change found between the base and the working tree.
/// </summary>
/// <param name="Location">
/// Where it is: a JSON pointer (<c>#/components/schemas/CustomerAddress/properties/city/maxLength</c>) into the working
/// tree's spec, or into the base's for something removed; for C# members, <c>csharp:</c> and the member's full name.
/// The pointer names the element's definition, so a change to a shared schema is one entry naming every operation.
/// </param>
/// <param name="Kind">A short stable name for the kind of change, e.g. <c>maximum-lowered</c>.</param>
/// <param name="Severity">What it does to existing callers.</param>
/// <param name="Reason">One line: what changed and why it has that severity.</param>
/// <param name="Operations">The operation ids it affects (empty for document-wide and C# changes).</param>
/// <param name="Direction">Request, response or operation.</param>
/// <param name="Before">The old value, when there is one worth showing.</param>
/// <param name="After">The new value, when there is one worth showing.</param>
/// <param name="Scope"><c>api</c> for the HTTP contract, <c>csharp</c> for the SDK's public surface.</param>
/// <param name="Package">For C# changes, the package (assembly) whose baseline changed.</param>
internal sealed record Change(
    string Location,
    string Kind,
    Severity Severity,
    string Reason,
    IReadOnlyList<string> Operations,
    Direction Direction,
    string? Before = null,
    string? After = null,
    string Scope = Change.ApiScope,
    string? Package = null)
{
    /// <summary>The scope of changes to the HTTP contract (the only ones the exit code gates).</summary>
    public const string ApiScope = "api";

    /// <summary>The scope of changes to the SDK's public C# surface.</summary>
    public const string CSharpScope = "csharp";

    /// <summary>Set when CHANGELOG.md's Unreleased section names this change (breaking API changes only).</summary>
    public bool Acknowledged { get; init; }
}
