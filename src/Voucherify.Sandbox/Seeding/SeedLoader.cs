using Newtonsoft.Json.Linq;
using Voucherify.Sandbox.Customers;
using Voucherify.Sandbox.Hosting;

namespace Voucherify.Sandbox.Seeding;

/// <summary>
/// Turns a <see cref="SandboxSeed"/> into store entries: fills in missing ids and timestamps, completes each customer
/// to what a new one looks like, and rejects duplicates and missing required members with their JSON path. It builds
/// every entry before the store takes any, so a seed loads whole or not at all.
/// </summary>
internal sealed class SeedLoader(SandboxSeed seed, SandboxClock clock, Func<string, bool> idTaken, Func<string, bool> sourceIdTaken)
{
    private static readonly JsonMergeSettings FillIn = new() { MergeArrayHandling = MergeArrayHandling.Replace };

    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sourceIds = new(StringComparer.Ordinal);

    public List<CustomerEntry> Build(JObject blankCustomer)
    {
        var entries = new List<CustomerEntry>(seed.Customers.Count);
        for (var i = 0; i < seed.Customers.Count; i++)
        {
            var path = $"$.customers[{i}]";
            var seeded = seed.Customers[i] ?? throw Problem(path, "must be an object");
            var entry = BuildCustomer(seeded.Customer, path, blankCustomer);
            entry.AddSegments(BuildSegments(seeded.Segments, path));
            entry.AddRedeemables(BuildRedeemables(seeded.Redeemables, entry.Id, path));
            entry.Events.AddRange(BuildActivity(seeded.Activity, path));
            entries.Add(entry);
        }
        return entries;
    }

    private CustomerEntry BuildCustomer(Customer customer, string path, JObject blankCustomer)
    {
        var given = JObject.FromObject(customer, SandboxJson.Serializer);
        var id = given.Value<string>("id");
        if (id is null) given["id"] = id = RequestIds.New("cust_");
        else if (id.Length == 0) throw Problem(path + ".id", "must not be empty (leave it out to have one generated)");
        else if (idTaken(id) || !_ids.Add(id)) throw Problem(path + ".id", $"another customer already has the id {id}");

        var sourceId = given.Value<string>("source_id");
        if (sourceId is not null && (sourceIdTaken(sourceId) || !_sourceIds.Add(sourceId)))
            throw Problem(path + ".source_id", $"another customer already has the source_id {sourceId}");

        given["created_at"] ??= clock.Next();
        given["object"] = "customer";
        // Members the seed leaves out get a new customer's values: zero summaries, empty metadata and the like.
        var json = (JObject)blankCustomer.DeepClone();
        json.Merge(given, FillIn);
        return new CustomerEntry(SharedDefaults.Compact(json.ToObject<Customer>(SandboxJson.Serializer)!));
    }

    private IEnumerable<CustomerSegment> BuildSegments(IList<CustomerSegment> segments, string path)
    {
        for (var j = 0; j < segments.Count; j++)
        {
            var segment = Copy(segments[j], $"{path}.segments[{j}]");
            if (string.IsNullOrEmpty(segment.Name)) throw Problem($"{path}.segments[{j}].name", "a segment needs a name");
            segment.Id ??= RequestIds.New("seg_");
            segment.Object ??= "segment";
            yield return segment;
        }
    }

    private IEnumerable<CustomerRedeemable> BuildRedeemables(IList<CustomerRedeemable> redeemables, string customerId, string path)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < redeemables.Count; j++)
        {
            var at = $"{path}.redeemables[{j}]";
            var redeemable = Copy(redeemables[j], at);
            redeemable.Id ??= RequestIds.New("rh_");
            if (!ids.Add(redeemable.Id)) throw Problem(at + ".id", $"another redeemable of this customer has the id {redeemable.Id}");
            if (redeemable.CustomerId is { } owner && owner != customerId)
                throw Problem(at + ".customer_id", $"names {owner}, not the customer it is listed under ({customerId})");
            redeemable.CustomerId = customerId;
            redeemable.CreatedAt = (redeemable.CreatedAt ?? clock.Next()).ToUniversalTime();
            yield return redeemable;
        }
    }

    private IEnumerable<CustomerActivity> BuildActivity(IList<CustomerActivity> activity, string path)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var events = new List<CustomerActivity>(activity.Count);
        for (var j = 0; j < activity.Count; j++)
        {
            var at = $"{path}.activity[{j}]";
            var item = Copy(activity[j], at);
            if (string.IsNullOrEmpty(item.Type)) throw Problem(at + ".type", "an event needs a type, e.g. customer.order.paid");
            item.Id ??= RequestIds.New("evcus_");
            if (!ids.Add(item.Id)) throw Problem(at + ".id", $"another event of this customer has the id {item.Id}");
            item.CreatedAt = (item.CreatedAt ?? clock.Next()).ToUniversalTime();
            item.GroupId ??= RequestIds.NewRequestId();
            events.Add(item);
        }
        // The store keeps events oldest first; OrderBy is stable, so equal timestamps keep the seed's order.
        return events.OrderBy(e => e.CreatedAt);
    }

    /// <summary>A copy, so that loading never changes the caller's objects (a seed can start many sandboxes).</summary>
    private T Copy<T>(T? item, string path) where T : class =>
        item is null
            ? throw Problem(path, "must be an object")
            : JObject.FromObject(item, SandboxJson.Serializer).ToObject<T>(SandboxJson.Serializer)!;

    private SandboxSeedException Problem(string path, string reason) => new(seed.Origin, path, reason);
}
