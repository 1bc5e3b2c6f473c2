namespace Voucherify
{
    /// <summary>
    /// Narrows <see cref="CustomersClient.ListCustomerRedeemablesAsync(string, CustomerRedeemableListOptions, System.Threading.CancellationToken)"/>
    /// to the redeemables matching conditions on their fields. Leave a field null to not filter on it.
    /// </summary>
    /// <example>
    /// Loyalty cards and gift vouchers the customer owns:
    /// <code>
    /// new CustomerRedeemableFilter
    /// {
    ///     HolderRole = new StringFilterConditions { In = { "OWNER" } },
    ///     VoucherType = new StringFilterConditions { In = { "LOYALTY_CARD", "GIFT_VOUCHER" } },
    ///     Junction = FilterJunction.And,
    /// }
    /// </code>
    /// </example>
    public sealed class CustomerRedeemableFilter
    {
        /// <summary>Conditions on the holder record's id (<c>rh_…</c>).</summary>
        public StringFilterConditions? Id { get; set; }

        /// <summary>Conditions on when the customer got the redeemable.</summary>
        public DateTimeFilterConditions? CreatedAt { get; set; }

        /// <summary>Conditions on the redeemable's id (a voucher id, <c>v_…</c>).</summary>
        public StringFilterConditions? RedeemableId { get; set; }

        /// <summary>Conditions on the kind of redeemable; the API knows <c>voucher</c>.</summary>
        public StringFilterConditions? RedeemableObject { get; set; }

        /// <summary>Conditions on the customer's role: <c>OWNER</c>, <c>REFERRER</c> or <c>REFEREE</c>.</summary>
        public StringFilterConditions? HolderRole { get; set; }

        /// <summary>Conditions on the campaign id (<c>camp_…</c>).</summary>
        public StringFilterConditions? CampaignId { get; set; }

        /// <summary>
        /// Conditions on the campaign type: <c>LOYALTY_PROGRAM</c>, <c>GIFT_VOUCHERS</c>, <c>DISCOUNT_COUPONS</c>,
        /// <c>PROMOTION</c> or <c>REFERRAL_PROGRAM</c>.
        /// </summary>
        public StringFilterConditions? CampaignType { get; set; }

        /// <summary>Conditions on the voucher type: <c>GIFT_VOUCHER</c>, <c>DISCOUNT_VOUCHER</c> or <c>LOYALTY_CARD</c>.</summary>
        public StringFilterConditions? VoucherType { get; set; }

        /// <summary>Whether every field's conditions must hold (<see cref="FilterJunction.And"/>) or any one of them; the API's default when null.</summary>
        public FilterJunction? Junction { get; set; }
    }

    /// <summary>How the conditions on different fields of a filter combine.</summary>
    public enum FilterJunction
    {
        /// <summary>A record matches when all conditions hold.</summary>
        And,

        /// <summary>A record matches when any condition holds.</summary>
        Or,
    }
}
