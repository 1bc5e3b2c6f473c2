namespace Voucherify.ContractTests.Filters;

/// <summary>Filters shared by the encoding tests and the Prism run, so both check the same wire form.</summary>
internal static class RedeemablesFilters
{
    /// <summary>Every condition of both kinds, on every field, joined with <c>or</c>.</summary>
    public static CustomerRedeemableFilter EveryCondition => new()
    {
        Id = new StringFilterConditions { StartsWith = "rh_", NotIn = { "rh_0e7b8db4700106a851", "rh_0e7b8db4700106a850" } },
        CreatedAt = new DateTimeFilterConditions
        {
            After = new DateTimeOffset(2024, 3, 1, 2, 0, 0, TimeSpan.FromHours(2)),
            Before = new DateTimeOffset(2024, 12, 31, 23, 59, 59, 999, TimeSpan.Zero),
            HasValue = true,
            MoreThanDaysAgo = 1,
            LessThanDaysAgo = 365,
        },
        RedeemableId = new StringFilterConditions { Is = "v_GXVguPhq2khgFxH7GrRXWA91gDr1LiA1", IsNot = "v_other" },
        RedeemableObject = new StringFilterConditions { In = { "voucher" } },
        HolderRole = new StringFilterConditions { In = { "OWNER", "REFERRER" }, NotIn = { "REFEREE" } },
        CampaignId = new StringFilterConditions { HasValue = true, Contains = "camp_", NotContain = "test", EndsWith = "NaG" },
        CampaignType = new StringFilterConditions { In = { "DISCOUNT_COUPONS", "LOYALTY_PROGRAM" } },
        VoucherType = new StringFilterConditions { IsUnknown = true },
        Junction = FilterJunction.Or,
    };

    /// <summary><see cref="EveryCondition"/> as the API expects it, decoded, one pair per line in sending order.</summary>
    public static readonly string[] EveryConditionQuery =
    [
        "filters[id][conditions][$not_in][0]=rh_0e7b8db4700106a851",
        "filters[id][conditions][$not_in][1]=rh_0e7b8db4700106a850",
        "filters[id][conditions][$starts_with]=rh_",
        "filters[created_at][conditions][$after]=2024-03-01T00:00:00.000Z",
        "filters[created_at][conditions][$before]=2024-12-31T23:59:59.999Z",
        "filters[created_at][conditions][$has_value]=",
        "filters[created_at][conditions][$more_than]=1",
        "filters[created_at][conditions][$less_than]=365",
        "filters[redeemable_id][conditions][$is]=v_GXVguPhq2khgFxH7GrRXWA91gDr1LiA1",
        "filters[redeemable_id][conditions][$is_not]=v_other",
        "filters[redeemable_object][conditions][$in][0]=voucher",
        "filters[holder_role][conditions][$in][0]=OWNER",
        "filters[holder_role][conditions][$in][1]=REFERRER",
        "filters[holder_role][conditions][$not_in][0]=REFEREE",
        "filters[campaign_id][conditions][$has_value]=",
        "filters[campaign_id][conditions][$ends_with]=NaG",
        "filters[campaign_id][conditions][$contains]=camp_",
        "filters[campaign_id][conditions][$not_contain]=test",
        "filters[campaign_type][conditions][$in][0]=DISCOUNT_COUPONS",
        "filters[campaign_type][conditions][$in][1]=LOYALTY_PROGRAM",
        "filters[voucher_type][conditions][$is_unknown]=",
        "filters[junction]=or",
    ];
}
