using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Voucherify
{
    /// <summary>
    /// The names under which the client reports traces and metrics through <c>System.Diagnostics</c>, for example
    /// <c>tracing.AddSource(VoucherifyDiagnostics.ActivitySourceName)</c> and <c>metrics.AddMeter(VoucherifyDiagnostics.MeterName)</c>
    /// with OpenTelemetry.
    /// </summary>
    /// <remarks>
    /// Each API call is one <c>Client</c> activity named <c>{method} {route}</c> (for example <c>GET /v1/customers/{customerId}</c>)
    /// covering all its attempts; each wait for an async action is one activity named <c>voucherify.async_action.wait</c>
    /// whose polls are its children. No id, query value or header is recorded: routes are templates.
    /// </remarks>
    public static class VoucherifyDiagnostics
    {
        /// <summary>The <c>ActivitySource</c> name: <c>Voucherify</c>.</summary>
        public const string ActivitySourceName = "Voucherify";

        /// <summary>The <c>Meter</c> name: <c>Voucherify</c>.</summary>
        public const string MeterName = "Voucherify";

        /// <summary>
        /// Histogram of API call durations in seconds, tagged with method, route, status code and, for failures only,
        /// <c>error.type</c>. Bucket boundaries: <see cref="RequestDurationBuckets"/>.
        /// </summary>
        public const string RequestDurationInstrument = "voucherify.client.request.duration";

        /// <summary>
        /// Histogram of async-action wait durations in seconds, tagged with the job type and final status.
        /// Bucket boundaries: <see cref="AsyncActionWaitDurationBuckets"/>.
        /// </summary>
        public const string AsyncActionWaitDurationInstrument = "voucherify.async_action.wait.duration";

        /// <summary>
        /// The bucket boundaries (seconds) for <see cref="RequestDurationInstrument"/>: OpenTelemetry's recommendation for
        /// HTTP client durations, 5 ms to 10 s. On .NET 9 and later the histogram advises them itself; on older runtimes
        /// add an OpenTelemetry view with them (see the README's tracing and metrics section).
        /// </summary>
        public static IReadOnlyList<double> RequestDurationBuckets { get; } =
            new ReadOnlyCollection<double>(new[] { 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10 });

        /// <summary>
        /// The bucket boundaries (seconds) for <see cref="AsyncActionWaitDurationInstrument"/>: 100 ms to an hour, as imports
        /// and bulk updates take from a moment to many minutes. Advised by the histogram on .NET 9 and later, like
        /// <see cref="RequestDurationBuckets"/>.
        /// </summary>
        public static IReadOnlyList<double> AsyncActionWaitDurationBuckets { get; } =
            new ReadOnlyCollection<double>(new double[] { 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600 });
    }
}
