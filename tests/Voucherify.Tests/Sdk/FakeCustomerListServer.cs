using System.Globalization;
using System.Net;
using System.Text;
using System.Web;
using Newtonsoft.Json.Linq;

namespace Voucherify.Tests.Sdk;

/// <summary>
/// Serves GET /v1/customers from an in-memory list with the API's documented paging rules: page 1–99 with limit,
/// or the exclusive created_at cursor `starting_after` (backwards without `order`, forwards with order=created_at).
/// Records every query it answered. Pages are generated per request, so the test holds no page it was not sent.
/// Kept instead of the sandbox because these tests need what the sandbox does not do: the API's millisecond
/// timestamps (the sandbox writes microseconds), ties broken by id, and pages without <c>has_more</c>.
/// </summary>
internal sealed class FakeCustomerListServer : HttpMessageHandler
{
    private readonly IReadOnlyList<(string Id, DateTimeOffset CreatedAt)> _customers;

    public FakeCustomerListServer(IReadOnlyList<(string Id, DateTimeOffset CreatedAt)> customers) => _customers = customers;

    public List<Dictionary<string, string>> Queries { get; } = new();

    /// <summary>Customers whose created_at advances by <paramref name="step"/> (default one millisecond) every <paramref name="tieGroupSize"/> customers.</summary>
    public static List<(string Id, DateTimeOffset CreatedAt)> Generate(int count, int tieGroupSize, TimeSpan? step = null)
    {
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var unit = step ?? TimeSpan.FromMilliseconds(1);
        return Enumerable.Range(0, count).Select(i => ($"cust_{i:D5}", start + TimeSpan.FromTicks(unit.Ticks * (i / tieGroupSize)))).ToList();
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var parsed = HttpUtility.ParseQueryString(request.RequestUri!.Query);
        var query = parsed.AllKeys.ToDictionary(k => k!, k => parsed[k]!);
        Queries.Add(query);

        var limit = int.Parse(query.GetValueOrDefault("limit", "10"), CultureInfo.InvariantCulture);
        var ascending = query.GetValueOrDefault("order") == "created_at";
        // Stable order: by created_at, ties by id, like a database index on (created_at, id).
        IEnumerable<(string Id, DateTimeOffset CreatedAt)> list = ascending
            ? _customers.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id, StringComparer.Ordinal)
            : _customers.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id, StringComparer.Ordinal);

        if (query.TryGetValue("starting_after", out var cursorText))
        {
            var cursor = DateTimeOffset.Parse(cursorText, CultureInfo.InvariantCulture);
            list = ascending ? list.Where(c => c.CreatedAt > cursor) : list.Where(c => c.CreatedAt < cursor);
        }
        else
        {
            var page = int.Parse(query.GetValueOrDefault("page", "1"), CultureInfo.InvariantCulture);
            if (page > 99) return Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest));
            list = list.Skip((page - 1) * limit);
        }

        var pageItems = list.Take(limit).Select(c => new JObject
        {
            ["id"] = c.Id,
            ["object"] = "customer",
            // Whole milliseconds print as the API prints them (.fff); finer instants keep their digits.
            ["created_at"] = c.CreatedAt.UtcDateTime.ToString(c.CreatedAt.UtcTicks % TimeSpan.TicksPerMillisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss.fff'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        });
        // Like the documented example, no has_more: the helper must stop on a short page.
        var body = new JObject { ["object"] = "list", ["data_ref"] = "customers", ["customers"] = new JArray(pageItems), ["total"] = _customers.Count };
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json") });
    }
}
