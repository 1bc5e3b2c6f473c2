using System;

namespace Voucherify
{
    /// <summary>Filters and order for <see cref="CustomersClient.ListAllCustomersAsync"/> and <see cref="CustomersClient.ListCustomerPagesAsync"/>.</summary>
    public sealed class CustomerListOptions
    {
        /// <summary>Customers per request, 1 to 100. Default 100 (the fewest requests).</summary>
        public int PageSize { get; set; } = 100;

        /// <summary>
        /// Newest first (<see cref="CustomerListOrder.CreatedAtDescending"/>, the default) or oldest first
        /// (<see cref="CustomerListOrder.CreatedAt"/>). Only creation order is accepted: it is the order the
        /// <c>starting_after</c> cursor walks in, which the helper needs beyond page 99.
        /// </summary>
        public CustomerListOrder Order { get; set; } = CustomerListOrder.CreatedAtDescending;

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

        /// <summary>
        /// Resume a walk after the page that carried this <see cref="ListPage{T}.ContinuationToken"/>, for example after a
        /// restart: no customer listed before it is listed again and none is skipped, whether the token came from a page
        /// before or after page 99. Set the same filters and order as the walk that issued it (a token for another list
        /// is an <see cref="ArgumentException"/>); <see cref="PageSize"/> may differ. Null starts from the beginning.
        /// </summary>
        public string? ContinuationToken { get; set; }

        internal void Validate()
        {
            ListPaging.ValidatePageSize(PageSize);
            if (Order != CustomerListOrder.CreatedAt && Order != CustomerListOrder.CreatedAtDescending)
                throw new ArgumentOutOfRangeException(nameof(Order), Order, "Listing every customer walks in creation order: use CreatedAt or CreatedAtDescending.");
        }
    }

    /// <summary>Filters and order for <see cref="CustomersClient.ListAllCustomerActivityAsync"/> and <see cref="CustomersClient.ListCustomerActivityPagesAsync"/>.</summary>
    public sealed class CustomerActivityListOptions
    {
        /// <summary>Events per request, 1 to 100. Default 100.</summary>
        public int PageSize { get; set; } = 100;

        /// <summary>Oldest or newest first; the API's default when null.</summary>
        public CustomerActivityListOrder? Order { get; set; }

        /// <summary>Only events from this instant on.</summary>
        public DateTimeOffset? StartDate { get; set; }

        /// <summary>Only events up to this instant.</summary>
        public DateTimeOffset? EndDate { get; set; }

        /// <summary>Only events of this campaign.</summary>
        public string? CampaignId { get; set; }

        /// <summary>Only events of campaigns of this type.</summary>
        public CampaignType? CampaignType { get; set; }

        /// <summary>Only actions, or only effects.</summary>
        public CustomerActivityCategory? Category { get; set; }

        /// <summary>Only events of this type, e.g. <c>customer.created</c>.</summary>
        public string? Type { get; set; }

        /// <summary>
        /// Resume a walk after the page that carried this <see cref="ListPage{T}.ContinuationToken"/>, for example after a
        /// restart. Set the same customer, filters and order as the walk that issued it (a token for another list is an
        /// <see cref="ArgumentException"/>); <see cref="PageSize"/> may differ. Null starts from the beginning.
        /// </summary>
        public string? ContinuationToken { get; set; }
    }
}
