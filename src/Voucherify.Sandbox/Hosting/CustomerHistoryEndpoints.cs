using Microsoft.AspNetCore.Http;
using Voucherify.Http;
using Voucherify.Sandbox.Customers;
using Operations = Voucherify.CustomersClient.Operations;

namespace Voucherify.Sandbox.Hosting;

/// <summary>A customer's activity, redeemables and segments.</summary>
internal static class CustomerHistoryEndpoints
{
    public static IEnumerable<KeyValuePair<OperationDescriptor, RequestDelegate>> Handlers(CustomerStore store, SandboxClock clock) =>
    [
        OperationHandler.For(Operations.ListCustomerActivity, ActivityQuery.Parse, (context, query, problem) => ActivityAsync(context, store, query, problem)),
        OperationHandler.For(Operations.ListCustomerRedeemables, RedeemablesQuery.Parse, (context, query, problem) => RedeemablesAsync(context, store, clock, query, problem)),
        OperationHandler.For(Operations.ListCustomerSegments, context => SegmentsAsync(context, store)),
    ];

    private static async Task ActivityAsync(HttpContext context, CustomerStore store, ActivityQuery? query, string? problem)
    {
        var id = CustomerEndpoints.CustomerId(context);
        if (store.Events(id) is not { } events)
        {
            await ApiErrors.NotFoundAsync(context, "customer", id);
            return;
        }
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

    private static async Task RedeemablesAsync(HttpContext context, CustomerStore store, SandboxClock clock, RedeemablesQuery? query, string? problem)
    {
        var id = CustomerEndpoints.CustomerId(context);
        if (store.Redeemables(id) is not { } redeemables)
        {
            await ApiErrors.NotFoundAsync(context, "customer", id);
            return;
        }
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
