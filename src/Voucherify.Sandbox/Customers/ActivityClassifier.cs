using Newtonsoft.Json.Linq;

namespace Voucherify.Sandbox.Customers;

/// <summary>
/// What the activity filters ask of an event that the event schema does not carry as members: the campaign it concerns
/// and whether it is an action or an effect. Read from the event's payload, the way the service's events nest them.
/// </summary>
internal static class ActivityClassifier
{
    /// <summary>
    /// Event types the sandbox counts as effects (what happened to the customer as a consequence of an action):
    /// rewards, loyalty point and tier changes, card balance changes and segment moves. Everything else is an action.
    /// </summary>
    private static readonly string[] EffectPrefixes =
        ["customer.rewarded", "customer.loyalty.", "customer.segment.", "customer.voucher.gift.balance_added", "customer.voucher.loyalty_card."];

    public static bool IsEffect(CustomerActivity activity) =>
        activity.Type is { } type && EffectPrefixes.Any(prefix => type.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>Whether the payload names the campaign: a <c>campaign_id</c> member or a <c>campaign</c> object's <c>id</c>, at any depth.</summary>
    public static bool ConcernsCampaign(CustomerActivity activity, string campaignId) =>
        Members(activity).Any(m => (m.Name == "campaign_id" && Text(m.Value) == campaignId)
            || (m.Name == "campaign" && m.Value is JObject campaign && Text(campaign["id"]) == campaignId));

    /// <summary>Whether the payload names the campaign type: a <c>campaign_type</c> member or a <c>campaign</c> object's <c>type</c>.</summary>
    public static bool ConcernsCampaignType(CustomerActivity activity, string campaignType) =>
        Members(activity).Any(m => (m.Name == "campaign_type" && Text(m.Value) == campaignType)
            || (m.Name == "campaign" && m.Value is JObject campaign && (Text(campaign["type"]) == campaignType || Text(campaign["campaign_type"]) == campaignType)));

    private static IEnumerable<JProperty> Members(CustomerActivity activity) =>
        activity.Data?.Data is JContainer payload ? payload.Descendants().OfType<JProperty>() : [];

    private static string? Text(JToken? token) => token?.Type == JTokenType.String ? (string?)token : null;
}
