namespace Voucherify.SpecDiff.Diff;

/// <summary>
/// Collects findings per operation and merges those that are the same change of the same definition (a shared
/// schema reached from several operations in the same direction) into one <see cref="Change"/> naming them all.
/// </summary>
internal sealed class ChangeCollector
{
    private readonly List<(string? Operation, Change Change)> _found = [];

    /// <summary>Records one finding; <paramref name="operation"/> is null for document-wide changes.</summary>
    public void Add(string? operation, Direction direction, string location, string kind, Severity severity, string reason,
        string? before = null, string? after = null) =>
        _found.Add((operation, new Change(location, kind, severity, reason, [], direction, before, after)));

    /// <summary>The merged changes, breaking first, then by location.</summary>
    public IReadOnlyList<Change> Changes() =>
        _found
            .GroupBy(f => (f.Change.Location, f.Change.Kind, f.Change.Severity, f.Change.Reason, f.Change.Direction, f.Change.Before, f.Change.After))
            .Select(g => g.First().Change with
            {
                Operations = g.Select(f => f.Operation).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            })
            .OrderBy(c => c.Severity)
            .ThenBy(c => c.Location, StringComparer.Ordinal)
            .ThenBy(c => c.Kind, StringComparer.Ordinal)
            .ToArray();
}
