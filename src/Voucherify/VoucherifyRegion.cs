using System;

namespace Voucherify
{
    /// <summary>Base addresses of Voucherify's shared regions, for <see cref="VoucherifyClientOptions.BaseUri"/>.</summary>
    /// <remarks>A project lives in one region; calling another region's address fails. Dedicated clusters have their own address.</remarks>
    public static class VoucherifyRegion
    {
        /// <summary>Europe, <c>https://api.voucherify.io</c> (the default).</summary>
        public static Uri Europe { get; } = new Uri("https://api.voucherify.io");

        /// <summary>United States, <c>https://us1.api.voucherify.io</c>.</summary>
        public static Uri UnitedStates { get; } = new Uri("https://us1.api.voucherify.io");

        /// <summary>Asia (Singapore), <c>https://as1.api.voucherify.io</c>.</summary>
        public static Uri Asia { get; } = new Uri("https://as1.api.voucherify.io");
    }
}
