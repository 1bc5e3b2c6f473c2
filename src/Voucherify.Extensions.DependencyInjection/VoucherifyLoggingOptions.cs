namespace Voucherify.Extensions.DependencyInjection
{
    /// <summary>
    /// What the per-request log events of <see cref="VoucherifyServiceCollectionExtensions.AddVoucherify(Microsoft.Extensions.DependencyInjection.IServiceCollection, System.Action{VoucherifyClientOptions})"/>
    /// include beyond method, route, redacted query, status, duration, attempt and request id.
    /// Set with <c>services.Configure&lt;VoucherifyLoggingOptions&gt;(…)</c>.
    /// </summary>
    public sealed class VoucherifyLoggingOptions
    {
        /// <summary>
        /// Also log request and response bodies, as <c>Debug</c> events of category <c>Voucherify.Http</c>: nothing shows
        /// unless that category is enabled at <c>Debug</c> (<c>"Logging:LogLevel:Voucherify.Http": "Debug"</c>, or
        /// <c>AddFilter("Voucherify.Http", LogLevel.Debug)</c>), which default hosts are not. Off by default: bodies carry
        /// names, e-mail addresses and other personal data, which are not redacted. JSON requests are logged (a streamed
        /// CSV upload never is, reading it would consume it); responses up to <see cref="MaxBodyLength"/> characters,
        /// whether they declare a length (up to 1 MB) or arrive chunked (only that much of them is read for the log).
        /// </summary>
        public bool LogBodies { get; set; }

        /// <summary>The longest part of a body written to the log, in characters. Default 4096.</summary>
        public int MaxBodyLength { get; set; } = 4096;
    }
}
