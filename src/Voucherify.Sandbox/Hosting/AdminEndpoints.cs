using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using Voucherify.Sandbox.Faults;
using Voucherify.Sandbox.Journal;

namespace Voucherify.Sandbox.Hosting;

/// <summary>
/// The sandbox's own endpoints, under <c>/_sandbox/</c> (a path the real API does not use), for tools that run the
/// standalone server: read and clear the request journal, add, list and clear injected faults. They need the same
/// key pair as the API.
/// </summary>
internal static class AdminEndpoints
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = new DefaultContractResolver { NamingStrategy = new SnakeCaseNamingStrategy() },
        Converters = { new UtcTimestampConverter() },
        DateFormatString = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'",
    });

    public static bool IsAdminPath(PathString path) => path.StartsWithSegments("/_sandbox");

    public static void Map(IEndpointRouteBuilder routes, RequestJournal journal, FaultInjector faults)
    {
        routes.MapGet("/_sandbox/faults", context => WriteAsync(context, faults.Snapshot().Select(f => FaultSpec.From(f.Fault, f.Fired))));
        routes.MapPost("/_sandbox/faults", async context =>
        {
            var fault = FaultSpec.Parse(await SandboxJson.ReadBodyAsync(context.Request.Body, context.RequestAborted), out var problem);
            if (fault is null)
            {
                await ApiErrors.BadRequestAsync(context, "invalid_payload", problem!);
                return;
            }
            faults.Add(fault);
            context.Response.StatusCode = StatusCodes.Status201Created;
            await WriteAsync(context, FaultSpec.From(fault));
        });
        routes.MapDelete("/_sandbox/faults", context =>
        {
            faults.Clear();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        routes.MapGet("/_sandbox/requests", context => WriteAsync(context, journal.Snapshot()));
        routes.MapDelete("/_sandbox/requests", context =>
        {
            journal.Clear();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
    }

    // Streamed like the API's answers: a full journal is many megabytes.
    private static Task WriteAsync(HttpContext context, object body) => SandboxJson.WriteBodyAsync(context, body, Serializer);
}
