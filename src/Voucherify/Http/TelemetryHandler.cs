using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Voucherify.Diagnostics;

namespace Voucherify.Http
{
    /// <summary>
    /// One activity and one duration measurement per API call. It sits outermost, so a call's retries share its
    /// activity (the attempts show up as the HTTP client's own child activities).
    /// </summary>
    internal sealed class TelemetryHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // Nobody listens (the common case): no activity would start and no measurement would be recorded, so pass the
            // call through without an async state machine, a stopwatch or a tag list of its own. A listener that
            // subscribes while a call is in flight sees the calls that start after it, as it would with an activity.
            if (!VoucherifyTelemetry.Source.HasListeners() && !VoucherifyTelemetry.RequestDuration.Enabled)
                return base.SendAsync(request, cancellationToken);
            return SendObservedAsync(request, cancellationToken);
        }

        private async Task<HttpResponseMessage> SendObservedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var method = request.Method.Method;
            // A template, never the path itself: ids are customer data and would make every customer a metric series.
            var route = OperationName.Route(request);
            using var activity = VoucherifyTelemetry.Source.StartActivity(OperationName.Of(request), ActivityKind.Client);
            activity?.SetTag("http.request.method", method);
            activity?.SetTag("url.template", route);
            activity?.SetTag("server.address", request.RequestUri?.Host);

            var started = Stopwatch.GetTimestamp();
            string? status = null;
            string? errorType = null;
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                activity?.SetTag("http.response.status_code", (int)response.StatusCode);
                if (!response.IsSuccessStatusCode) errorType = status;
                return response;
            }
            catch (Exception exception)
            {
                errorType = exception is OperationCanceledException ? "canceled" : exception.GetType().FullName;
                throw;
            }
            finally
            {
                if (errorType != null)
                {
                    activity?.SetTag("error.type", errorType);
                    activity?.SetStatus(ActivityStatusCode.Error);
                }
                var seconds = (Stopwatch.GetTimestamp() - started) / (double)Stopwatch.Frequency;
                var tags = new TagList { { "http.request.method", method }, { "url.template", route } };
                VoucherifyTelemetry.AddIfPresent(ref tags, "http.response.status_code", status);
                VoucherifyTelemetry.AddIfPresent(ref tags, "error.type", errorType);
                VoucherifyTelemetry.RequestDuration.Record(seconds, tags);
            }
        }
    }
}
