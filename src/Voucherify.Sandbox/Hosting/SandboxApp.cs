using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Voucherify.Sandbox.Customers;
using Voucherify.Sandbox.Faults;
using Voucherify.Sandbox.Jobs;
using Voucherify.Sandbox.Journal;

namespace Voucherify.Sandbox.Hosting;

/// <summary>
/// Builds the Kestrel application: loopback only, the health check (answered before anything else), the request
/// recorder, the gatekeeper and the fault injector in front, an endpoint for every operation of the spec
/// (<see cref="OperationEndpoints"/>) and the sandbox's own <c>/_sandbox/…</c> endpoints behind them.
/// </summary>
internal static class SandboxApp
{
    public static WebApplication Build(VoucherifySandboxOptions options, CustomerStore store, AsyncActionQueue jobs, SandboxClock clock, RequestJournal journal, FaultInjector faults)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SandboxApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Nothing from the host application's appsettings.json or environment (a Kestrel endpoint, a log level)
        // may reach the sandbox: it is configured by its options alone.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            // Operations with a body limit in the spec (the bulk ones) enforce it themselves; imports have none.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.AddServerHeader = false;
            if (options.MinRequestBodyDataRate is { } rate) kestrel.Limits.MinRequestBodyDataRate = rate;
            RequestSizeLimits.Raise(kestrel.Limits);
        });

        var app = builder.Build();
        app.Use(HealthEndpoint.InvokeAsync);
        app.Use(new RequestRecorder(journal, clock, options.JournalBodyBytes).InvokeAsync);
        app.Use(FailureBoundary.InvokeAsync);
        app.Use(RequestSizeLimits.InvokeAsync);
        app.Use(new Gatekeeper(options, clock.Time).InvokeAsync);
        app.Use(DotSegmentGuard.InvokeAsync);
        app.Use(faults.InvokeAsync);
        OperationEndpoints.Map(app, new Dictionary<Voucherify.Http.OperationDescriptor, RequestDelegate>(
            CustomerEndpoints.Handlers(store)
                .Concat(CustomerHistoryEndpoints.Handlers(store, clock))
                .Concat(BulkEndpoints.Handlers(store, jobs))
                .Concat(AsyncActionEndpoints.Handlers(jobs))));
        AdminEndpoints.Map(app, journal, faults);
        var known = new KnownRoutes(((IEndpointRouteBuilder)app).DataSources);
        // "{*path}" rather than MapFallback's default "{*path:nonfile}", which leaves out a last segment with a dot
        // (PATCH /v1/customers/a.b) and let routing answer an empty 404.
        app.MapFallback("{*path}", context => known.MethodsFor(context.Request.Path) is { Count: > 0 } allowed
            ? ApiErrors.MethodNotAllowedAsync(context, allowed)
            : ApiErrors.NotFoundAsync(context, "endpoint", $"{context.Request.Method} {context.Request.Path}"));
        return app;
    }
}
