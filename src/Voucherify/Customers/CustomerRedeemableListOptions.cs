namespace Voucherify
{
    /// <summary>
    /// Page size, order, starting point and filters for listing a customer's redeemables: one page with
    /// <see cref="CustomersClient.ListCustomerRedeemablesAsync(string, CustomerRedeemableListOptions, System.Threading.CancellationToken)"/>,
    /// or all of them with <see cref="CustomersClient.ListAllCustomerRedeemablesAsync"/> and <see cref="CustomersClient.ListCustomerRedeemablePagesAsync"/>.
    /// </summary>
    public sealed class CustomerRedeemableListOptions
    {
        /// <summary>Items per request, 1 to 100. When null: the API's default (10) for one page, 100 for the walkers (the fewest requests).</summary>
        public int? PageSize { get; set; }

        /// <summary>Sort by holder id, ascending or descending.</summary>
        public CustomerRedeemableListOrder? Order { get; set; }

        /// <summary>The previous page's <see cref="CustomerRedeemableList.MoreStartingAfter"/>, to read the next page (the walkers start after it).</summary>
        public string? StartingAfterId { get; set; }

        /// <summary>Which redeemables to list; all of them when null.</summary>
        public CustomerRedeemableFilter? Filter { get; set; }

        /// <summary>
        /// For the walkers: resume after the page that carried this <see cref="ListPage{T}.ContinuationToken"/>, for
        /// example after a restart. Set the same customer, order and filter as the walk that issued it (a token for
        /// another list is an <see cref="System.ArgumentException"/>), and no <see cref="StartingAfterId"/>; the single-page
        /// call ignores it. Null starts from the beginning.
        /// </summary>
        public string? ContinuationToken { get; set; }
    }
}
