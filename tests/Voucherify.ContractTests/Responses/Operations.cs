using System.Text;

namespace Voucherify.ContractTests.Responses;

/// <summary>
/// One minimal, valid call per operation of the vendor's description, keyed by operationId, returning what the
/// client deserialized (null for the body-less delete).
/// </summary>
internal static class Operations
{
    public static readonly IReadOnlyDictionary<string, Func<VoucherifyClient, Task<object?>>> ById = new Dictionary<string, Func<VoucherifyClient, Task<object?>>>
    {
        ["list-customers"] = async c => await c.Customers.ListCustomersAsync(limit: 10),
        ["create-customer"] = async c => await c.Customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "source_123", Name = "Bob Smith" }),
        ["get-customer"] = async c => await c.Customers.GetCustomerAsync("cust_T849EgzNVVmn5icJ2FAkT2rO"),
        ["update-customer"] = async c => await c.Customers.UpdateCustomerAsync("cust_T849EgzNVVmn5icJ2FAkT2rO", new CustomerUpdateOptions { Name = "Alice McDonald" }),
        ["delete-customer"] = async c =>
        {
            await c.Customers.DeleteCustomerAsync("cust_T849EgzNVVmn5icJ2FAkT2rO");
            return null;
        },
        ["customer-permanently-deletion"] = async c => await c.Customers.PermanentlyDeleteCustomerAsync("cust_T849EgzNVVmn5icJ2FAkT2rO"),
        ["import-customers-using-csv"] = async c =>
        {
            using var csv = new MemoryStream(Encoding.UTF8.GetBytes("Source_id,Name\ncrm-1,Alice\n"));
            return await c.Customers.ImportCustomersFromCsvAsync(csv, "customers.csv");
        },
        ["list-customer-activity"] = async c => await c.Customers.ListCustomerActivityAsync("cust_T849EgzNVVmn5icJ2FAkT2rO", limit: 10),
        ["list-customer-redeemables"] = async c => await c.Customers.ListCustomerRedeemablesAsync("cust_T849EgzNVVmn5icJ2FAkT2rO", limit: 10),
        ["list-customer-segments"] = async c => await c.Customers.ListCustomerSegmentsAsync("cust_T849EgzNVVmn5icJ2FAkT2rO"),
        ["update-customers-in-bulk"] = async c => await c.Customers.UpdateCustomersInBulkAsync([new CustomerBulkUpdateItem { SourceId = "source_123", Name = "Bob" }]),
        ["update-customers-metadata-in-bulk"] = async c => await c.Customers.UpdateCustomersMetadataInBulkAsync(
            new CustomerMetadataBulkUpdateOptions { SourceIds = ["source_123"], Metadata = new Dictionary<string, object> { ["lang"] = "en" } }),
        ["get-async-action"] = async c => await c.AsyncActions.GetAsyncActionAsync("aa_0af9b22296cf473a10"),
    };
}
