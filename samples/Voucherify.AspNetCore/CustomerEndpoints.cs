using Microsoft.AspNetCore.Http.HttpResults;

namespace Voucherify.AspNetCore;

/// <summary>The sample's HTTP API: a thin layer over <see cref="ICustomersClient"/>, as a service of your own would have.</summary>
public static class CustomerEndpoints
{
    /// <summary>A customer as this service shows it.</summary>
    public sealed record CustomerView(string? Id, string? SourceId, string? Name, string? Email, string? City);

    /// <summary>What a caller sends to register a customer.</summary>
    public sealed record RegisterCustomer(string SourceId, string? Name, string? Email, string? City);

    /// <summary>The outcome of an import: counts and the rows the job rejected.</summary>
    public sealed record ImportOutcome(int Imported, int Rejected, IReadOnlyList<string> RejectedRows);

    /// <summary>Maps the endpoints under <c>/customers</c>.</summary>
    public static IEndpointRouteBuilder MapCustomerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var customers = endpoints.MapGroup("/customers");
        customers.MapGet("/{id}", GetAsync);
        customers.MapPost("/", RegisterAsync);
        customers.MapGet("/", ListAsync);
        customers.MapPost("/import", ImportAsync);
        return endpoints;
    }

    private static async Task<CustomerView> GetAsync(string id, ICustomersClient voucherify, CancellationToken cancellationToken) =>
        View(await voucherify.GetCustomerAsync(id, cancellationToken));

    private static async Task<Created<CustomerView>> RegisterAsync(RegisterCustomer body, ICustomersClient voucherify, CancellationToken cancellationToken)
    {
        var customer = await voucherify.CreateCustomerAsync(new CustomerCreateOptions
        {
            SourceId = body.SourceId,
            Name = body.Name,
            Email = body.Email,
            Address = body.City is null ? null : new CustomerAddress { City = body.City },
        }, cancellationToken);
        return TypedResults.Created($"/customers/{Uri.EscapeDataString(customer.SourceId ?? customer.Id!)}", View(customer));
    }

    /// <summary>Every customer in a city, oldest first; the helper pages through the whole list.</summary>
    private static async Task<List<CustomerView>> ListAsync(string? city, ICustomersClient voucherify, CancellationToken cancellationToken)
    {
        var found = new List<CustomerView>();
        await foreach (var customer in voucherify.ListAllCustomersAsync(new CustomerListOptions { City = city, Order = CustomerListOrder.CreatedAt }, cancellationToken))
            found.Add(View(customer));
        return found;
    }

    /// <summary>Imports the request body (text/csv) and waits; a job that fails as a whole becomes a 422 (see <see cref="VoucherifyExceptionHandler"/>).</summary>
    private static async Task<ImportOutcome> ImportAsync(HttpRequest request, ICustomersClient voucherify, CancellationToken cancellationToken)
    {
        var job = await voucherify.ImportCustomersFromCsvAndWaitAsync(request.Body, "customers.csv", cancellationToken: cancellationToken);
        var result = job.GetImportCsvResult()!;
        var rejected = (result.Failed ?? []).Select(row => $"row {row.Row} ({row.SourceId}): {row.Reason}").ToList();
        return new ImportOutcome(result.DoneCount ?? 0, result.FailedCount ?? 0, rejected);
    }

    private static CustomerView View(Customer customer) =>
        new(customer.Id, customer.SourceId, customer.Name, customer.Email, customer.Address?.City);
}
