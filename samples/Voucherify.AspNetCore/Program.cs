using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Voucherify;
using Voucherify.AspNetCore;
using Voucherify.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);

// The client: options from the "Voucherify" section (appsettings.json, environment VOUCHERIFY__SECRETKEY, user secrets),
// its HttpClient from IHttpClientFactory, one redacted log event per request in category "Voucherify.Http". The options
// are validated at start: appsettings.json leaves the credentials empty, so the app names the key to set until they are.
builder.Services.AddVoucherify(builder.Configuration.GetSection("Voucherify"));

// Traces and metrics: the library reports through System.Diagnostics, so naming its source and meter is enough.
// On .NET 9+ its duration histograms bring their own bucket boundaries in seconds; no view is needed here.
var telemetry = builder.Services.AddOpenTelemetry()
    .ConfigureResource(resource => resource.AddService("voucherify-aspnetcore-sample"))
    .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddSource(VoucherifyDiagnostics.ActivitySourceName))
    .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddMeter(VoucherifyDiagnostics.MeterName));
// Export only where a collector is configured (OTEL_EXPORTER_OTLP_ENDPOINT), so the sample runs anywhere.
if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) telemetry.UseOtlpExporter();

builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<VoucherifyExceptionHandler>();

var app = builder.Build();
app.UseExceptionHandler();
app.MapCustomerEndpoints();
app.Run();

/// <summary>The entry point, public for <c>WebApplicationFactory&lt;Program&gt;</c> in the tests.</summary>
public partial class Program;
