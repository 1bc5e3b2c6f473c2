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

        public static readonly Histogram<double> RequestDuration = CreateSecondsHistogram(
            VoucherifyDiagnostics.RequestDurationInstrument, "Duration of Voucherify API calls, all attempts included.", VoucherifyDiagnostics.RequestDurationBuckets);

        private static readonly Histogram<double> WaitDuration = CreateSecondsHistogram(
            VoucherifyDiagnostics.AsyncActionWaitDurationInstrument, "Time spent waiting for Voucherify async actions to finish.", VoucherifyDiagnostics.AsyncActionWaitDurationBuckets);

        /// <summary>
        /// A histogram in seconds whose bucket boundaries are advised where the runtime supports advice (.NET 9+), so
        /// OpenTelemetry does not apply its millisecond-sized defaults (0, 5, 10 … 10 000) to values around 0.1.
        /// </summary>
        private static Histogram<double> CreateSecondsHistogram(string name, string description, IReadOnlyList<double> buckets) =>
#if NET9_0_OR_GREATER
            Meter.CreateHistogram<double>(name, unit: "s", description: description, tags: null,
                advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = buckets });
#else
            Meter.CreateHistogram<double>(name, unit: "s", description: description);
#endif

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
            var tags = new TagList();
            AddIfPresent(ref tags, "voucherify.async_action.type", action.Type);
            AddIfPresent(ref tags, "voucherify.async_action.status", action.Status);
            WaitDuration.Record(waited.TotalSeconds, tags);
            return action;
        }
    
        /// <summary>Adds the tag only when it has a value: an empty tag is a separate, meaningless metric series.</summary>
        public static void AddIfPresent(ref TagList tags, string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) tags.Add(name, value);
        }
    }
}
