using System;

namespace Voucherify
{
    /// <summary>Filters and order for <see cref="CustomersClient.ListAllCustomersAsync"/> and <see cref="CustomersClient.ListCustomerPagesAsync"/>.</summary>
    public sealed class CustomerListOptions
    {
        /// <summary>Customers per request, 1 to 100. Default 100 (the fewest requests).</summary>
        public int PageSize { get; set; } = 100;

        /// <summary>
        /// Newest first (<see cref="ListCustomersOrder.CreatedAtDescending"/>, the default) or oldest first
        /// (<see cref="ListCustomersOrder.CreatedAt"/>). Only creation order is accepted: it is the order the
        /// <c>starting_after</c> cursor walks in, which the helper needs beyond page 99.
        /// </summary>
        public ListCustomersOrder Order { get; set; } = ListCustomersOrder.CreatedAtDescending;

        /// <summary>Only customers with exactly this e-mail address.</summary>
        public string? Email { get; set; }

        /// <summary>Only customers whose address is in this city.</summary>
        public string? City { get; set; }

        /// <summary>Only customers with this name.</summary>
        public string? Name { get; set; }

        /// <summary>Only customers in this segment (<c>seg_…</c>).</summary>
        public string? SegmentId { get; set; }

        /// <summary>Only customers created before this instant.</summary>
        public DateTimeOffset? CreatedAtBefore { get; set; }

        /// <summary>Only customers created after this instant.</summary>
        public DateTimeOffset? CreatedAtAfter { get; set; }

        /// <summary>Only customers last updated before this instant.</summary>
        public DateTimeOffset? UpdatedAtBefore { get; set; }

        /// <summary>Only customers last updated after this instant.</summary>
        public DateTimeOffset? UpdatedAtAfter { get; set; }

        internal void Validate()
        {
            ListPaging.ValidatePageSize(PageSize);
            if (Order != ListCustomersOrder.CreatedAt && Order != ListCustomersOrder.CreatedAtDescending)
                throw new ArgumentOutOfRangeException(nameof(Order), Order, "Listing every customer walks in creation order: use CreatedAt or CreatedAtDescending.");
        }
    }

    /// <summary>Filters and order for <see cref="CustomersClient.ListAllCustomerActivityAsync"/> and <see cref="CustomersClient.ListCustomerActivityPagesAsync"/>.</summary>
    public sealed class CustomerActivityListOptions
    {
        /// <summary>Events per request, 1 to 100. Default 100.</summary>
        public int PageSize { get; set; } = 100;

        /// <summary>Oldest or newest first; the API's default when null.</summary>
        public CreatedAtOrder? Order { get; set; }

        /// <summary>Only events from this instant on.</summary>
        public DateTimeOffset? StartDate { get; set; }

        /// <summary>Only events up to this instant.</summary>
        public DateTimeOffset? EndDate { get; set; }

        /// <summary>Only events of this campaign.</summary>
        public string? CampaignId { get; set; }

        /// <summary>Only events of campaigns of this type.</summary>
        public ActivityCampaignType? CampaignType { get; set; }

        /// <summary>Only actions, or only effects.</summary>
        public ActivityCategory? Category { get; set; }

        /// <summary>Only events of this type, e.g. <c>customer.created</c>.</summary>
        public string? Type { get; set; }
    }

    /// <summary>One page of a list walked by a paging helper.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    public sealed class ListPage<T>
    {
        /// <summary>Creates a page; public so tests of your own code can fake the paging helpers.</summary>
        /// <param name="items">The page's items.</param>
        /// <param name="total">The total the API reported for the whole list, if any.</param>
        public ListPage(System.Collections.Generic.IReadOnlyList<T> items, int? total)
        {
            Items = items ?? throw new ArgumentNullException(nameof(items));
            Total = total;
        }

        /// <summary>The items of this page, in list order. Never null; empty only when the whole list is.</summary>
        public System.Collections.Generic.IReadOnlyList<T> Items { get; }

        /// <summary>How many items the whole list holds, as the API reported with this page (customers and redeemables only).</summary>
        public int? Total { get; }
    }
}
