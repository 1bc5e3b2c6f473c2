namespace Voucherify
{
    /// <summary>Paging, order and filters for listing a customer's redeemables.</summary>
    public sealed class CustomerRedeemablesListOptions
    {
        /// <summary>Items per page, 1 to 100; the API's default (10) when null.</summary>
        public int? Limit { get; set; }

        /// <summary>Sort by holder id, ascending or descending.</summary>
        public IdOrder? Order { get; set; }

        /// <summary>The previous page's <see cref="CustomerRedeemablesListResponseBody.MoreStartingAfter"/>, to read the next page.</summary>
        public string? StartingAfterId { get; set; }

        /// <summary>Which redeemables to list; all of them when null.</summary>
        public CustomerRedeemablesFilter? Filter { get; set; }
    }
}
