using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Voucherify.Sandbox.Customers;

namespace Voucherify.Sandbox.Hosting;

/// <summary>A customer's activity, redeemables and segments.</summary>
internal static class CustomerHistoryEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, CustomerStore store, SandboxClock clock)
    {
        routes.MapGet("/v1/customers/{customerId}/activity", context => ActivityAsync(context, store)).WithName("list-customer-activity");
        routes.MapGet("/v1/customers/{customerId}/redeemables", context => RedeemablesAsync(context, store, clock)).WithName("list-customer-redeemables");
        routes.MapGet("/v1/customers/{customerId}/segments", context => SegmentsAsync(context, store)).WithName("list-customer-segments");
    }

    private static async Task ActivityAsync(HttpContext context, CustomerStore store)
    {
        var id = CustomerEndpoints.CustomerId(context);
        if (store.Events(id) is not { } events)
        {
            await ApiErrors.NotFoundAsync(context, "customer", id);
            return;
        }
        var query = ActivityQuery.Parse(context.Request.Query, out var problem);
        if (query is null)
        {
            await ApiErrors.BadRequestAsync(context, "invalid_query_params", problem!);
            return;
        }
        var (page, hasMore, moreStartingAfter) = query.Apply(events);
        await SandboxJson.WriteAsync(context, StatusCodes.Status200OK, new CustomerActivityList
        {
            Object = "list",
            DataRef = "data",
            Data = page.ToList(),
            HasMore = hasMore,
            MoreStartingAfter = moreStartingAfter,
        });
    }

    private static async Task RedeemablesAsync(HttpContext context, CustomerStore store, SandboxClock clock)
    {
        var id = CustomerEndpoints.CustomerId(context);
        if (store.Redeemables(id) is not { } redeemables)
        {
            await ApiErrors.NotFoundAsync(context, "customer", id);
            return;
        }
        var query = RedeemablesQuery.Parse(context.Request.Query, out var problem);
        if (query is null)
        {
            await ApiErrors.BadRequestAsync(context, "invalid_query_params", problem!);
            return;
        }
        var (page, total, hasMore, moreStartingAfter) = query.Apply(redeemables, clock.Now());
        await SandboxJson.WriteAsync(context, StatusCodes.Status200OK, new CustomerRedeemableList
        {
            Object = "list",
            DataRef = "data",
            Data = page,
            Total = total,
            HasMore = hasMore,
            MoreStartingAfter = moreStartingAfter,
        });
    }

    // Like the service, an unknown customer is not an error here: it is in no segment.
    private static Task SegmentsAsync(HttpContext context, CustomerStore store)
    {
        var segments = store.Segments(CustomerEndpoints.CustomerId(context));
        return SandboxJson.WriteAsync(context, StatusCodes.Status200OK, new CustomerSegmentList
        {
            Object = "list",
            DataRef = "data",
            Data = segments.ToList(),
            Total = segments.Count,
        });
    }
}
