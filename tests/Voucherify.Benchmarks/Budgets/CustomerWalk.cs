using System.Runtime.CompilerServices;
using Voucherify.Benchmarks.Shared;

namespace Voucherify.Benchmarks.Budgets;

/// <summary>
/// Every customer, oldest first, fetched 100 at a time: the first page, then the <c>starting_after</c> cursor
/// (the last customer's <c>created_at</c>) for each following one.
/// </summary>
internal static class CustomerWalk
{
    private const int PageSize = 100;

    /// <summary>
    /// Through the client. When the library has its own "all customers" walker, make this method return it, so the
    /// paging-memory budget measures that helper; for the one on the <c>sdk</c> branch that is
    /// <c>client.Customers.ListAllCustomersAsync(new CustomerListOptions { Order = ListCustomersOrder.CreatedAt, PageSize = 100 }, cancellationToken)</c>
    /// (ascending, as <see cref="CustomerPageHandler"/> serves).
    /// </summary>
    public static async IAsyncEnumerable<Customer> ClientAsync(VoucherifyClient client, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        DateTimeOffset? cursor = null;
        while (true)
        {
            var page = await client.Customers.ListCustomersAsync(limit: PageSize, order: ListCustomersOrder.CreatedAt, startingAfter: cursor, cancellationToken: cancellationToken);
            var customers = page.Customers ?? [];
            foreach (var customer in customers) yield return customer;
            if (page.HasMore != true || customers.Count == 0) yield break;
            cursor = customers[^1].CreatedAt;
        }
    }

    /// <summary>The same walk, hand-written.</summary>
    public static async IAsyncEnumerable<Customer> RawAsync(RawVoucherifyApi raw, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        DateTimeOffset? cursor = null;
        while (true)
        {
            var page = await raw.ListCustomersAsync(PageSize, "created_at", cursor, cancellationToken);
            var customers = page.Customers ?? [];
            foreach (var customer in customers) yield return customer;
            if (page.HasMore != true || customers.Count == 0) yield break;
            cursor = customers[^1].CreatedAt;
        }
    }
}
