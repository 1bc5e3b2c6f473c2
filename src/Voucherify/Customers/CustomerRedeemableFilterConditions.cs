using System;
using System.Collections.Generic;

namespace Voucherify
{
    /// <summary>Conditions on a text field of a filter. Every condition that is set must hold.</summary>
    public sealed class StringFilterConditions
    {
        /// <summary>The value is one of these (<c>$in</c>).</summary>
        public IList<string> In { get; } = new List<string>();

        /// <summary>The value is none of these (<c>$not_in</c>).</summary>
        public IList<string> NotIn { get; } = new List<string>();

        /// <summary>The value is exactly this (<c>$is</c>).</summary>
        public string? Is { get; set; }

        /// <summary>The value is anything but this (<c>$is_not</c>).</summary>
        public string? IsNot { get; set; }

        /// <summary>When true, the field must be set (<c>$has_value</c>).</summary>
        public bool HasValue { get; set; }

        /// <summary>When true, the field must be unset (<c>$is_unknown</c>).</summary>
        public bool IsUnknown { get; set; }

        /// <summary>The value starts with this text (<c>$starts_with</c>).</summary>
        public string? StartsWith { get; set; }

        /// <summary>The value ends with this text (<c>$ends_with</c>).</summary>
        public string? EndsWith { get; set; }

        /// <summary>The value contains this text (<c>$contains</c>).</summary>
        public string? Contains { get; set; }

        /// <summary>The value does not contain this text (<c>$not_contain</c>).</summary>
        public string? NotContain { get; set; }
    }

    /// <summary>Conditions on a date-time field of a filter. Every condition that is set must hold.</summary>
    public sealed class DateTimeFilterConditions
    {
        /// <summary>The instant is later than this (<c>$after</c>); sent in UTC.</summary>
        public DateTimeOffset? After { get; set; }

        /// <summary>The instant is earlier than this (<c>$before</c>); sent in UTC.</summary>
        public DateTimeOffset? Before { get; set; }

        /// <summary>When true, the field must be set (<c>$has_value</c>).</summary>
        public bool HasValue { get; set; }

        /// <summary>When true, the field must be unset (<c>$is_unknown</c>).</summary>
        public bool IsUnknown { get; set; }

        /// <summary>The instant is more than this many days ago (<c>$more_than</c>).</summary>
        public int? MoreThanDaysAgo { get; set; }

        /// <summary>The instant is less than this many days ago (<c>$less_than</c>).</summary>
        public int? LessThanDaysAgo { get; set; }
    }
}
