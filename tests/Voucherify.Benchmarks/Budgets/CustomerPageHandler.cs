using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.WebUtilities;
using Newtonsoft.Json;
using Voucherify.Benchmarks.Shared;

namespace Voucherify.Benchmarks.Budgets;

/// <summary>
/// A customers list endpoint over <paramref name="total"/> generated customers, ordered by <c>created_at</c>:
/// answers <c>limit</c>, <c>page</c> and the <c>starting_after</c> cursor (always in ascending order), building each page only when it is asked for, so
/// the server side holds one page at a time however many customers there are. Serves one request at a time.
/// </summary>
internal sealed class CustomerPageHandler(int total) : HttpMessageHandler
{
    private static readonly JsonSerializer Serializer = JsonSerializer.CreateDefault();
    private readonly MemoryStream _buffer = new();

    public int Requests { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests++;
        var query = QueryHelpers.ParseQuery(request.RequestUri!.Query);
        var limit = query.TryGetValue("limit", out var l) ? int.Parse(l!) : 10;
        // Page numbers (1-based) or the created_at cursor, which is exclusive: the first customer created after it.
        var first = query.TryGetValue("starting_after", out var cursor)
            ? Payloads.IndexOf(DateTimeOffset.Parse(cursor!, System.Globalization.CultureInfo.InvariantCulture)) + 1
            : query.TryGetValue("page", out var number) ? (int.Parse(number!) - 1) * limit : 0;
        var count = Math.Max(0, Math.Min(limit, total - first));
        var page = new CustomerList
        {
            Object = "list",
            DataRef = "customers",
            Customers = Enumerable.Range(first, count).Select(Payloads.FullCustomer).ToList(),
            Total = total,
            HasMore = first + count < total,
        };

        // One buffer for every page: the walk reads each response to the end before asking for the next, and a new
        // ~150 KB buffer per page would land on the large-object heap and inflate the peak this budget measures.
        _buffer.SetLength(0);
        using (var writer = new StreamWriter(_buffer, leaveOpen: true))
            Serializer.Serialize(writer, page);
        var content = new ByteArrayContent(_buffer.GetBuffer(), 0, (int)_buffer.Length);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
