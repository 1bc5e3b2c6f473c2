using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Newtonsoft.Json.Linq;
using Voucherify.Http;
using Voucherify.Sandbox.Customers;
using Operations = Voucherify.CustomersClient.Operations;

namespace Voucherify.Sandbox.Hosting;

/// <summary>Create (upsert), get, update, delete, permanently delete and list customers.</summary>
internal static class CustomerEndpoints
{
    public static IEnumerable<KeyValuePair<OperationDescriptor, RequestDelegate>> Handlers(CustomerStore store) =>
    [
        OperationHandler.For(Operations.ListCustomers, CustomerListQuery.Parse, (context, query, problem) => ListAsync(context, store, query, problem)),
        OperationHandler.For(Operations.CreateCustomer, context => CreateAsync(context, store)),
        OperationHandler.For(Operations.GetCustomer, context => GetAsync(context, store)),
        OperationHandler.For(Operations.UpdateCustomer, context => UpdateAsync(context, store)),
        OperationHandler.For(Operations.DeleteCustomer, context => DeleteAsync(context, store)),
        OperationHandler.For(Operations.PermanentlyDeleteCustomer, context => DeletePermanentlyAsync(context, store)),
    ];

    /// <summary>The <c>{customerId}</c> of the request (a <c>cust_…</c> id or a source_id): <see cref="OperationEndpoints.Id"/>.</summary>
    public static string CustomerId(HttpContext context) => OperationEndpoints.Id(context);

    private static async Task CreateAsync(HttpContext context, CustomerStore store)
    {
        if (await ReadObjectAsync<CustomerCreateOptions>(context) is not { } read) return;
        var (body, create) = read;
        // The id wins when both are sent, as the service documents.
        var id = NullIfEmpty(create.Id);
        var profile = ProfileMembers.Select(body, ProfileMembers.Of(OperationEndpoints.Of(context)));
        var customer = store.Upsert(id, id is null ? NullIfEmpty(create.SourceId) : null, profile, mergeObjects: false, RequestIds.Of(context));
        if (customer is null) await ApiErrors.NotFoundAsync(context, "customer", id!);
        else await SandboxJson.WriteAsync(context, StatusCodes.Status200OK, customer);
    }

    private static async Task GetAsync(HttpContext context, CustomerStore store)
    {
        var id = CustomerId(context);
        if (store.Get(id) is { } customer) await SandboxJson.WriteAsync(context, StatusCodes.Status200OK, customer, StoredJson(store));
        else await ApiErrors.NotFoundAsync(context, "customer", id);
    }

    private static async Task UpdateAsync(HttpContext context, CustomerStore store)
    {
        if (await ReadObjectAsync<CustomerUpdateOptions>(context) is not { } read) return;
        var id = CustomerId(context);
        var profile = ProfileMembers.Select(read.Body, ProfileMembers.Of(OperationEndpoints.Of(context)));
        if (store.Update(id, profile, RequestIds.Of(context)) is { } customer) await SandboxJson.WriteAsync(context, StatusCodes.Status200OK, customer);
        else await ApiErrors.NotFoundAsync(context, "customer", id);
    }

    private static async Task DeleteAsync(HttpContext context, CustomerStore store)
    {
        var id = CustomerId(context);
        if (store.Delete(id, RequestIds.Of(context))) context.Response.StatusCode = StatusCodes.Status204NoContent;
        else await ApiErrors.NotFoundAsync(context, "customer", id);
    }

    private static async Task DeletePermanentlyAsync(HttpContext context, CustomerStore store)
    {
        var id = CustomerId(context);
        if (store.DeletePermanently(id) is { } deletion) await SandboxJson.WriteAsync(context, StatusCodes.Status200OK, deletion);
        else await ApiErrors.NotFoundAsync(context, "customer", id);
    }

    private static async Task ListAsync(HttpContext context, CustomerStore store, CustomerListQuery? query, string? problem)
    {
        if (query is null)
        {
            await ApiErrors.BadRequestAsync(context, "invalid_query_params", problem!);
            return;
        }
        var segmentMembers = query.SegmentId is { } segmentId ? store.SegmentMembers(segmentId) : null;
        var (page, total, hasMore) = query.Apply(store.LiveCustomers(), segmentMembers);
        await SandboxJson.WriteAsync(context, StatusCodes.Status200OK, new CustomerList
        {
            Object = "list",
            DataRef = "customers",
            Customers = page.ToList(),
            Total = total,
            HasMore = hasMore,
        }, StoredJson(store));
    }

    /// <summary>Stored customers' JSON as the store keeps it, so a read copies bytes instead of serializing.</summary>
    private static Func<object, byte[]?> StoredJson(CustomerStore store) => value => value is Customer customer ? store.JsonOf(customer) : null;

    /// <summary>
    /// Reads a JSON object body and checks it against the request DTO; on failure writes the 400 and returns null.
    /// The raw object is what the store applies, so that only the members actually sent change anything.
    /// </summary>
    private static async Task<(JObject Body, T Typed)?> ReadObjectAsync<T>(HttpContext context) where T : class
    {
        if (await SandboxJson.ReadBodyAsync(context.Request.Body, context.RequestAborted) is not JObject body)
        {
            await ApiErrors.BadRequestAsync(context, "invalid_payload", "The request body must be a JSON object.");
            return null;
        }
        if (SandboxJson.TryConvert<T>(body, out var problem) is not { } typed)
        {
            await ApiErrors.BadRequestAsync(context, "invalid_payload", problem!);
            return null;
        }
        return (body, typed);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
