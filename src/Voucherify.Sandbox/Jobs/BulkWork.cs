using System.Collections.Frozen;
using Newtonsoft.Json.Linq;
using Voucherify.Sandbox.Customers;

namespace Voucherify.Sandbox.Jobs;

/// <summary>
/// The two bulk jobs: each item upserts one customer by <c>source_id</c>; the result is the bulk shape
/// (<c>done_count</c>, <c>failed_count</c>, <c>reports</c>, <c>reports_available_till</c>, <c>errors</c>).
/// </summary>
internal abstract class BulkWork(CustomerStore store, string groupId) : JobWork
{
    private readonly List<CustomersBulkUpdateError> _errors = [];
    private int _done;

    public override void Process(int index)
    {
        var (sourceId, profile, problem) = Item(index);
        if (problem is null && string.IsNullOrWhiteSpace(sourceId)) problem = "source_id is required.";
        if (problem is null)
        {
            store.Upsert(null, sourceId, profile, MergeObjects, groupId);
            _done++;
            return;
        }
        _errors.Add(new CustomersBulkUpdateError { SourceId = sourceId, Key = "invalid_customer", Message = "Invalid customer", Details = problem });
    }

    /// <summary>How long the service keeps a bulk job's reports; the sandbox writes none, but dates them as it would.</summary>
    private static readonly TimeSpan ReportsKeptFor = TimeSpan.FromDays(7);

    public override object Result(DateTimeOffset finishedAt)
    {
        var result = JObject.FromObject(new CustomersBulkUpdateResult
        {
            DoneCount = _done,
            FailedCount = _errors.Count,
            Reports = [],
            ReportsAvailableTill = finishedAt + ReportsKeptFor,
            Errors = _errors,
        }, Hosting.SandboxJson.Serializer);
        // An item sent without a source_id is still reported with the member, as null (the DTO would drop it).
        foreach (var error in result["errors"]!.Children<JObject>()) error["source_id"] ??= JValue.CreateNull();
        return result;
    }

    /// <summary>Whether <c>address</c> and <c>metadata</c> are merged key by key rather than replaced.</summary>
    protected abstract bool MergeObjects { get; }

    /// <summary>The item's customer, the members to set, or why it cannot be applied.</summary>
    protected abstract (string? SourceId, JObject Profile, string? Problem) Item(int index);
}

/// <summary>
/// <c>CUSTOMERS.BULK_UPDATE</c>: each array item is a customer, matched or created by <c>source_id</c>, setting the
/// members <c>profileMembers</c> names (<see cref="ProfileMembers"/> of the operation's item type).
/// </summary>
internal sealed class BulkUpdateWork(CustomerStore store, JArray items, FrozenSet<string> profileMembers, string groupId) : BulkWork(store, groupId)
{
    private readonly int _count = items.Count;
    private JArray _items = items;

    public override string Type => AsyncActionType.CustomersBulkUpdate;

    public override int Count => _count;

    public override void Release() => _items = [];

    protected override bool MergeObjects => false;

    protected override (string? SourceId, JObject Profile, string? Problem) Item(int index)
    {
        if (_items[index] is not JObject item) return (null, [], "Each item must be a JSON object.");
        var sourceId = item.Value<JToken>("source_id") is { Type: JTokenType.String } id ? (string?)id : null;
        // Checked before the conversion, whose own complaint about the required member would be less clear.
        if (string.IsNullOrWhiteSpace(sourceId)) return (sourceId, item, "source_id is required.");
        var typed = Hosting.SandboxJson.TryConvert<CustomerBulkUpdateItem>(item, out var problem);
        return (sourceId, ProfileMembers.Select(item, profileMembers), typed is null ? problem : null);
    }
}

/// <summary><c>CUSTOMERS.METADATA_UPDATE</c>: merges the same metadata into every listed customer, creating unknown ones.</summary>
internal sealed class MetadataUpdateWork(CustomerStore store, IList<string> sourceIds, JObject metadata, string groupId) : BulkWork(store, groupId)
{
    private readonly JObject _profile = new() { ["metadata"] = metadata };

    public override string Type => AsyncActionType.CustomersMetadataUpdate;

    public override int Count => sourceIds.Count;

    protected override bool MergeObjects => true;

    protected override (string? SourceId, JObject Profile, string? Problem) Item(int index) => (sourceIds[index], _profile, null);
}
