using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace Voucherify.Diagnostics
{
    /// <summary>The client's one <see cref="ActivitySource"/> and <see cref="Meter"/>, and the activities it starts.</summary>
    internal static class VoucherifyTelemetry
    {
        private static readonly string Version =
            typeof(VoucherifyTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

        public static readonly ActivitySource Source = new ActivitySource(VoucherifyDiagnostics.ActivitySourceName, Version);

        private static readonly Meter Meter = new Meter(VoucherifyDiagnostics.MeterName, Version);

        public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
            VoucherifyDiagnostics.RequestDurationInstrument, unit: "s", description: "Duration of Voucherify API calls, all attempts included.");

        private static readonly Histogram<double> WaitDuration = Meter.CreateHistogram<double>(
            VoucherifyDiagnostics.AsyncActionWaitDurationInstrument, unit: "s", description: "Time spent waiting for Voucherify async actions to finish.");

        /// <summary>Starts the activity around a wait for an async action; null when nobody listens.</summary>
        public static Activity? StartAsyncActionWait(string asyncActionId)
        {
            var activity = Source.StartActivity("voucherify.async_action.wait", ActivityKind.Internal);
            activity?.SetTag("voucherify.async_action.id", asyncActionId);
            return activity;
        }

        /// <summary>Records how the wait ended and passes the finished action through.</summary>
        public static AsyncAction AsyncActionFinished(Activity? activity, AsyncAction action, TimeSpan waited)
        {
            activity?.SetTag("voucherify.async_action.type", action.Type);
            activity?.SetTag("voucherify.async_action.status", action.Status);
            if (action.HasFailures) activity?.SetStatus(ActivityStatusCode.Error, "The async action reported failures.");
            WaitDuration.Record(waited.TotalSeconds,
                new KeyValuePair<string, object?>("voucherify.async_action.type", action.Type),
                new KeyValuePair<string, object?>("voucherify.async_action.status", action.Status));
            return action;
        }
    }
}
