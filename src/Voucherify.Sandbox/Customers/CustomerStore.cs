using System.Runtime.CompilerServices;
using Newtonsoft.Json.Linq;
using Voucherify.Sandbox.Hosting;
using Voucherify.Sandbox.Seeding;

namespace Voucherify.Sandbox.Customers;

/// <summary>
/// The sandbox's customers and their activity, in memory, behind one lock. Every change goes through
/// <see cref="Upsert"/>, <see cref="Update"/>, <see cref="Delete"/> or <see cref="DeletePermanently"/>, which also
/// record the matching <c>customer.*</c> event.
/// </summary>
internal sealed class CustomerStore(SandboxClock clock, string applicationId)
{
    private static readonly JsonMergeSettings MergeKeys = new()
    {
        MergeArrayHandling = MergeArrayHandling.Replace,
        MergeNullValueHandling = MergeNullValueHandling.Merge,
    };

    /// <summary>What a new customer starts as: no orders, redemptions, loyalty or referrals yet.</summary>
    private static readonly JObject BlankCustomer = JObject.FromObject(SharedDefaults.NewBlankCustomer(), SandboxJson.Serializer);

    private readonly object _gate = new();
    private readonly EventSource _eventSource = new()
    {
        Channel = "API",
        ApiKey = new EventSourceApiKey { Name = "sandbox", AppId = applicationId },
    };
    private readonly Dictionary<string, CustomerEntry> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CustomerEntry> _bySourceId = new(StringComparer.Ordinal);
    // The JSON of stored customers that were read (null: too large to keep), by the DTO itself, so that a read finds
    // it without taking the lock; forgotten when the customer changes or goes.
    private readonly ConditionalWeakTable<Customer, KeptJson> _json = new();
    private long _jsonBytes;

    /// <summary>How much customer JSON the store keeps for answering reads (<see cref="JsonOf"/>), in all.</summary>
    public const long JsonCacheBytes = 32 * 1024 * 1024;

    /// <summary>The largest customer JSON kept; a larger customer is serialized on every read instead.</summary>
    public const int MaxKeptJsonBytes = 16 * 1024;

    /// <summary>
    /// Creates a customer, or changes the one <paramref name="id"/> (preferred) or <paramref name="sourceId"/> names.
    /// <paramref name="profile"/> holds the members to set, already limited to those the request may set
    /// (<see cref="ProfileMembers"/>, the CSV columns).
    /// Null when <paramref name="id"/> names no live customer: ids are assigned by the service, never by callers.
    /// With <paramref name="mergeObjects"/>, <c>address</c> and <c>metadata</c> are merged key by key (imports and bulk
    /// metadata) instead of replaced whole (create, update, bulk update).
    /// </summary>
    public Customer? Upsert(string? id, string? sourceId, JObject profile, bool mergeObjects, string groupId)
    {
        lock (_gate)
        {
            CustomerEntry? entry = null;
            if (id is not null)
            {
                if (!_byId.TryGetValue(id, out entry) || entry.Deleted) return null;
            }
            else if (sourceId is not null)
            {
                _bySourceId.TryGetValue(sourceId, out entry);
            }
            return entry is null ? Create(sourceId, profile, groupId) : Change(entry, profile, mergeObjects, groupId);
        }
    }

    /// <summary>Applies the members present in <paramref name="profile"/>; null for an unknown customer.</summary>
    public Customer? Update(string idOrSourceId, JObject profile, string groupId)
    {
        lock (_gate)
        {
            var entry = FindLive(idOrSourceId);
            return entry is null ? null : Change(entry, profile, mergeObjects: false, groupId);
        }
    }

    public Customer? Get(string idOrSourceId)
    {
        lock (_gate) return FindLive(idOrSourceId)?.Customer;
    }

    /// <summary>Removes the customer from reads and frees its source_id; its activity stays readable by id.</summary>
    public bool Delete(string idOrSourceId, string groupId)
    {
        lock (_gate)
        {
            var entry = FindLive(idOrSourceId);
            if (entry is null) return false;
            entry.Deleted = true;
            ForgetJson(entry.Customer);
            if (entry.Customer.SourceId is { } sourceId) _bySourceId.Remove(sourceId);
            Record(entry, "customer.deleted", groupId);
            return true;
        }
    }

    /// <summary>Erases a live or deleted customer and all its events; null when there is nothing to erase.</summary>
    public CustomerPermanentDeletion? DeletePermanently(string idOrSourceId)
    {
        lock (_gate)
        {
            var entry = FindWithHistory(idOrSourceId);
            if (entry is null) return null;
            _byId.Remove(entry.Id);
            ForgetJson(entry.Customer);
            if (!entry.Deleted && entry.Customer.SourceId is { } sourceId) _bySourceId.Remove(sourceId);
            return new CustomerPermanentDeletion
            {
                Id = RequestIds.New("del_"),
                CreatedAt = clock.Next(),
                RelatedObjectId = entry.Id,
                RelatedObject = "customer",
                Status = "DONE",
                DataJson = new PermanentDeletionCounts
                {
                    Events = entry.Events.Count,
                    CustomerEvents = entry.Events.Count,
                    DailyEvents = 0,
                    Segments = 0,
                    Orders = 0,
                    OrderEvents = 0,
                    Customer = 1,
                },
                Object = "pernament_deletion",
            };
        }
    }

    /// <summary>The customer's events, oldest first; null for an unknown customer. Deleted customers keep theirs.</summary>
    public IReadOnlyList<CustomerActivity>? Events(string idOrSourceId)
    {
        lock (_gate) return FindWithHistory(idOrSourceId)?.Events.ToArray();
    }

    /// <summary>
    /// Adds the seed's customers with their segments, redeemables and activity, all or none: a duplicate or an id or
    /// source_id a stored customer already has throws <see cref="SandboxSeedException"/> before anything is added.
    /// </summary>
    public void Seed(SandboxSeed seed)
    {
        lock (_gate)
        {
            var entries = new SeedLoader(seed, clock, _byId.ContainsKey, _bySourceId.ContainsKey).Build(BlankCustomer);
            foreach (var entry in entries)
            {
                _byId.Add(entry.Id, entry);
                if (entry.Customer.SourceId is { } sourceId) _bySourceId[sourceId] = entry;
            }
        }
    }

    /// <summary>The segments of a live customer; empty for an unknown one (the service lists what it would match).</summary>
    public IReadOnlyList<CustomerSegment> Segments(string idOrSourceId)
    {
        lock (_gate) return FindLive(idOrSourceId)?.Segments.ToArray() ?? [];
    }

    /// <summary>The ids of the live customers in the segment.</summary>
    public HashSet<string> SegmentMembers(string segmentId)
    {
        lock (_gate)
            return _byId.Values.Where(e => !e.Deleted && e.Segments.Any(s => s.Id == segmentId)).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A live customer's redeemables in the order they were given; null for an unknown customer.</summary>
    public IReadOnlyList<CustomerRedeemable>? Redeemables(string idOrSourceId)
    {
        lock (_gate) return FindLive(idOrSourceId)?.Redeemables.ToArray();
    }

    /// <summary>All live customers, in no particular order (a copy: callers filter and sort it freely).</summary>
    public List<Customer> LiveCustomers()
    {
        lock (_gate) return _byId.Values.Where(e => !e.Deleted).Select(e => e.Customer).ToList();
    }

    /// <summary>
    /// The customer's JSON as GET and list answer it, when the store keeps it: serialized on the first read and kept
    /// until the customer changes, so that reads (what a test double mostly serves) copy bytes instead of serializing.
    /// Null for a customer that is no longer the stored one, larger than <see cref="MaxKeptJsonBytes"/>, or when
    /// <see cref="JsonCacheBytes"/> is used up: the caller serializes it then.
    /// </summary>
    public byte[]? JsonOf(Customer customer)
    {
        if (_json.TryGetValue(customer, out var kept)) return kept.Bytes;
        lock (_gate)
        {
            if (!IsStored(customer) || _jsonBytes + MaxKeptJsonBytes > JsonCacheBytes) return null;
        }
        // Stored DTOs are never changed, only replaced, so this one can be serialized outside the lock; characters,
        // not bytes, bound the work, so a customer found too large costs at most this much, once.
        var json = SandboxJson.Utf8(customer, maxChars: MaxKeptJsonBytes);
        if (json?.Length > MaxKeptJsonBytes) json = null;
        lock (_gate)
        {
            // Kept only if it is still the stored customer: a change meanwhile already forgot this one.
            if (IsStored(customer) && _json.TryAdd(customer, new KeptJson(json))) _jsonBytes += json?.Length ?? 0;
        }
        return json;
    }

    private bool IsStored(Customer customer) =>
        customer.Id is not null && _byId.TryGetValue(customer.Id, out var entry) && !entry.Deleted && ReferenceEquals(entry.Customer, customer);

    private void ForgetJson(Customer customer)
    {
        if (!_json.TryGetValue(customer, out var kept)) return;
        _json.Remove(customer);
        _jsonBytes -= kept.Bytes?.Length ?? 0;
    }

    private sealed record KeptJson(byte[]? Bytes);

    private CustomerEntry? FindLive(string idOrSourceId)
    {
        if (_byId.TryGetValue(idOrSourceId, out var byId) && !byId.Deleted) return byId;
        return _bySourceId.GetValueOrDefault(idOrSourceId);
    }

    private CustomerEntry? FindWithHistory(string idOrSourceId) =>
        FindLive(idOrSourceId) ?? _byId.GetValueOrDefault(idOrSourceId);

    private Customer Create(string? sourceId, JObject profile, string groupId)
    {
        // Only what is the customer's own goes through JSON; the blank parts are the shared instances, neither copied
        // nor compared (metadata starts empty, so a request that clears it removes it as on the blank customer).
        var json = new JObject { ["id"] = RequestIds.New("cust_"), ["metadata"] = new JObject() };
        if (sourceId is not null) json["source_id"] = sourceId;
        json["created_at"] = clock.Next();
        var customer = SharedDefaults.WithBlankParts(WithProfile(json, profile, mergeObjects: false, updatedAt: null));
        var entry = new CustomerEntry(customer);
        _byId.Add(entry.Id, entry);
        if (sourceId is not null) _bySourceId[sourceId] = entry;
        Record(entry, "customer.created", groupId);
        return customer;
    }

    private Customer Change(CustomerEntry entry, JObject profile, bool mergeObjects, string groupId)
    {
        // Only the DTO is stored (the JSON would double the memory); a change starts from its JSON again.
        var customer = SharedDefaults.Compact(WithProfile(JObject.FromObject(entry.Customer, SandboxJson.Serializer), profile, mergeObjects, clock.Next()));
        ForgetJson(entry.Customer);
        entry.Replace(customer);
        Record(entry, "customer.updated", groupId);
        return customer;
    }

    /// <summary>A new customer DTO: <paramref name="json"/> (changed in place) with the profile members present in the request.</summary>
    private static Customer WithProfile(JObject json, JObject profile, bool mergeObjects, DateTimeOffset? updatedAt)
    {
        foreach (var member in profile.Properties())
        {
            if (mergeObjects && member.Value is JObject incoming && json[member.Name] is JObject existing)
                existing.Merge(incoming, MergeKeys);
            else if (member.Value.Type == JTokenType.Null)
                // Cleared: removed rather than kept as null, so the activity snapshot omits it as GET does.
                json.Remove(member.Name);
            else
                json[member.Name] = member.Value.DeepClone();
        }
        if (updatedAt is { } stamp) json["updated_at"] = stamp;
        return json.ToObject<Customer>(SandboxJson.Serializer)!;
    }

    private void Record(CustomerEntry entry, string type, string groupId) =>
        entry.Events.Add(new CustomerActivity
        {
            Id = RequestIds.New("evcus_"),
            Type = type,
            CreatedAt = clock.Next(),
            GroupId = groupId,
            Data = new CustomerActivityData
            {
                // Stored DTOs are replaced, never mutated, so the snapshot is the customer object itself, serialised
                // only when the activity is read; the event source is the same for every event.
                Data = new CustomerSnapshot(entry.Customer),
                EventSource = _eventSource,
            },
        });
}
