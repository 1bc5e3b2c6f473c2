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
        /// Also log request and response bodies, as <c>Debug</c> events. Off by default: bodies carry names, e-mail
        /// addresses and other personal data, which are not redacted. Only bodies already in memory are logged (JSON
        /// requests, and responses that declare a length up to 1 MB); a streamed CSV upload never is.
        /// </summary>
        public bool LogBodies { get; set; }

        /// <summary>The longest part of a body written to the log, in characters. Default 4096.</summary>
        public int MaxBodyLength { get; set; } = 4096;
    }
}
