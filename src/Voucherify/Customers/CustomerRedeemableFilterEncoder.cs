using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Voucherify
{
    /// <summary>
    /// Writes a <see cref="CustomerRedeemableFilter"/> as the API reads it: bracket-nested keys three levels deep,
    /// <c>filters[holder_role][conditions][$in][0]=OWNER&amp;filters[junction]=and</c>.
    /// </summary>
    /// <remarks>
    /// OpenAPI 3.0 <c>deepObject</c> only defines one level, so no generator encodes this; arrays are indexed (the
    /// form the vendor's own SDKs send), and <c>$has_value</c>/<c>$is_unknown</c> carry an empty value because the
    /// API only looks at their presence. Keys and values are percent-encoded like the generated query parameters.
    /// </remarks>
    internal static class CustomerRedeemableFilterEncoder
    {
        public static string Encode(CustomerRedeemableFilter filter)
        {
            var query = new StringBuilder();
            AppendConditions(query, "id", filter.Id);
            AppendConditions(query, "created_at", filter.CreatedAt);
            AppendConditions(query, "redeemable_id", filter.RedeemableId);
            AppendConditions(query, "redeemable_object", filter.RedeemableObject);
            AppendConditions(query, "holder_role", filter.HolderRole);
            AppendConditions(query, "campaign_id", filter.CampaignId);
            AppendConditions(query, "campaign_type", filter.CampaignType);
            AppendConditions(query, "voucher_type", filter.VoucherType);
            if (filter.Junction is FilterJunction junction)
                AppendPair(query, "filters[junction]", junction == FilterJunction.And ? "and" : "or");
            return query.ToString();
        }

        private static void AppendConditions(StringBuilder query, string field, StringFilterConditions? conditions)
        {
            if (conditions is null) return;
            var prefix = "filters[" + field + "][conditions]";
            AppendList(query, prefix + "[$in]", conditions.In);
            AppendList(query, prefix + "[$not_in]", conditions.NotIn);
            AppendOptional(query, prefix + "[$is]", conditions.Is);
            AppendOptional(query, prefix + "[$is_not]", conditions.IsNot);
            AppendFlag(query, prefix + "[$has_value]", conditions.HasValue);
            AppendFlag(query, prefix + "[$is_unknown]", conditions.IsUnknown);
            AppendOptional(query, prefix + "[$starts_with]", conditions.StartsWith);
            AppendOptional(query, prefix + "[$ends_with]", conditions.EndsWith);
            AppendOptional(query, prefix + "[$contains]", conditions.Contains);
            AppendOptional(query, prefix + "[$not_contain]", conditions.NotContain);
        }

        private static void AppendConditions(StringBuilder query, string field, DateTimeFilterConditions? conditions)
        {
            if (conditions is null) return;
            var prefix = "filters[" + field + "][conditions]";
            AppendOptional(query, prefix + "[$after]", FormatInstant(conditions.After));
            AppendOptional(query, prefix + "[$before]", FormatInstant(conditions.Before));
            AppendFlag(query, prefix + "[$has_value]", conditions.HasValue);
            AppendFlag(query, prefix + "[$is_unknown]", conditions.IsUnknown);
            AppendOptional(query, prefix + "[$more_than]", conditions.MoreThanDaysAgo?.ToString(CultureInfo.InvariantCulture));
            AppendOptional(query, prefix + "[$less_than]", conditions.LessThanDaysAgo?.ToString(CultureInfo.InvariantCulture));
        }

        // The API documents its date-time filters in UTC with milliseconds and a Z, e.g. 2024-01-01T00:00:00.000Z.
        private static string? FormatInstant(DateTimeOffset? instant) =>
            instant?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        private static void AppendList(StringBuilder query, string key, IList<string> values)
        {
            for (var i = 0; i < values.Count; i++)
                AppendPair(query, key + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", values[i]);
        }

        private static void AppendOptional(StringBuilder query, string key, string? value)
        {
            if (value != null) AppendPair(query, key, value);
        }

        private static void AppendFlag(StringBuilder query, string key, bool present)
        {
            if (present) AppendPair(query, key, string.Empty);
        }

        private static void AppendPair(StringBuilder query, string key, string value)
        {
            if (query.Length > 0) query.Append('&');
            query.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }
    }
}
