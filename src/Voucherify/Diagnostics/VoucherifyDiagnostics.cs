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

        /// <summary>Histogram of API call durations in seconds, tagged with method, route and status code.</summary>
        public const string RequestDurationInstrument = "voucherify.client.request.duration";

        /// <summary>Histogram of async-action wait durations in seconds, tagged with the job type and final status.</summary>
        public const string AsyncActionWaitDurationInstrument = "voucherify.async_action.wait.duration";
    }
}
