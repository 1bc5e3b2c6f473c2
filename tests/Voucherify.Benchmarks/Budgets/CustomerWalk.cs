using System.Runtime.CompilerServices;
using Voucherify.Benchmarks.Shared;

namespace Voucherify.Benchmarks.Budgets;

/// <summary>
/// Every customer, oldest first, fetched 100 at a time: by the client's <c>ListAllCustomersAsync</c>, and by hand
/// (the first page, then the <c>starting_after</c> cursor: the last customer's <c>created_at</c>).
/// </summary>
internal static class CustomerWalk
{
    private const int PageSize = 100;

    /// <summary>Through the library's own walker, in the ascending order <see cref="CustomerPageHandler"/> serves.</summary>
    public static IAsyncEnumerable<Customer> ClientAsync(VoucherifyClient client, CancellationToken cancellationToken = default) =>
        client.Customers.ListAllCustomersAsync(new CustomerListOptions { Order = CustomerListOrder.CreatedAt, PageSize = PageSize }, cancellationToken);

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
