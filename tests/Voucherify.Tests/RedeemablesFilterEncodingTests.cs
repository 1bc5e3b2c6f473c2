namespace Voucherify.Tests;

/// <summary>Every field and every string condition of a redeemables filter reaches the query, in a fixed order.</summary>
public class RedeemablesFilterEncodingTests
{
    private static StringFilterConditions Every(string value)
    {
        var conditions = new StringFilterConditions
        {
            Is = value + "-is",
            IsNot = value + "-is-not",
            HasValue = true,
            IsUnknown = true,
            StartsWith = value + "-starts",
            EndsWith = value + "-ends",
            Contains = value + "-contains",
            NotContain = value + "-not-contain",
        };
        conditions.In.Add(value + "-in");
        conditions.NotIn.Add(value + "-not-in");
        return conditions;
    }

    private static string Expected(string field, string value) =>
        string.Join("&",
            $"filters[{field}][conditions][$in][0]={value}-in",
            $"filters[{field}][conditions][$not_in][0]={value}-not-in",
            $"filters[{field}][conditions][$is]={value}-is",
            $"filters[{field}][conditions][$is_not]={value}-is-not",
            $"filters[{field}][conditions][$has_value]=",
            $"filters[{field}][conditions][$is_unknown]=",
            $"filters[{field}][conditions][$starts_with]={value}-starts",
            $"filters[{field}][conditions][$ends_with]={value}-ends",
            $"filters[{field}][conditions][$contains]={value}-contains",
            $"filters[{field}][conditions][$not_contain]={value}-not-contain");

    [Fact]
    public void Every_field_and_condition_is_encoded_once_in_the_documented_order()
    {
        var filter = new CustomerRedeemableFilter
        {
            Id = Every("i"),
            RedeemableId = Every("r"),
            RedeemableObject = Every("o"),
            HolderRole = Every("h"),
            CampaignId = Every("c"),
            CampaignType = Every("t"),
            VoucherType = Every("v"),
            Junction = FilterJunction.Or,
        };

        var query = Uri.UnescapeDataString(CustomerRedeemableFilterEncoder.Encode(filter));

        Assert.Equal(string.Join("&",
            Expected("id", "i"), Expected("redeemable_id", "r"), Expected("redeemable_object", "o"), Expected("holder_role", "h"),
            Expected("campaign_id", "c"), Expected("campaign_type", "t"), Expected("voucher_type", "v"), "filters[junction]=or"), query);
    }
}
