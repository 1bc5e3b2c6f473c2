using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Voucherify.Sandbox.Customers;

namespace Voucherify.Sandbox.Hosting;

/// <summary>A customer's activity, redeemables and segments.</summary>
internal static class CustomerHistoryEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, CustomerStore store)
    {
        routes.MapGet("/v1/customers/{customerId}/activity", context => ActivityAsync(context, store));
        routes.MapGet("/v1/customers/{customerId}/redeemables", context => RedeemablesAsync(context, store));
        routes.MapGet("/v1/customers/{customerId}/segments", SegmentsAsync);
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
        await SandboxJson.WriteAsync(context, StatusCodes.Status200OK, new CustomerActivityListResponseBody
        {
            Object = "list",
            DataRef = "data",
            Data = page.ToList(),
            HasMore = hasMore,
            MoreStartingAfter = moreStartingAfter,
        });
    }

    // The sandbox issues no vouchers, gift cards or loyalty cards, so every wallet is empty.
    private static async Task RedeemablesAsync(HttpContext context, CustomerStore store)
    {
        var id = CustomerEndpoints.CustomerId(context);
        if (!store.Exists(id))
        {
            await ApiErrors.NotFoundAsync(context, "customer", id);
            return;
        }
        var reader = new QueryReader(context.Request.Query);
        reader.Integer("limit", 1, 100, 10);
        reader.OneOf("order", ["id", "-id"]);
        if (reader.Problem is { } problem)
        {
            await ApiErrors.BadRequestAsync(context, "invalid_query_params", problem);
            return;
        }
        await SandboxJson.WriteAsync(context, StatusCodes.Status200OK, new CustomerRedeemablesListResponseBody
        {
            Object = "list",
            DataRef = "data",
            Data = [],
            Total = 0,
            HasMore = false,
        });
    }

    // The sandbox defines no segments. Like the service, an unknown customer is not an error here.
    private static Task SegmentsAsync(HttpContext context) =>
        SandboxJson.WriteAsync(context, StatusCodes.Status200OK, new CustomerSegmentsListResponseBody
        {
            Object = "list",
            DataRef = "data",
            Data = [],
            Total = 0,
        });
}
