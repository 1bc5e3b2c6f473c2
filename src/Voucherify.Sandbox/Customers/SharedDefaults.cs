using Newtonsoft.Json.Linq;
using Voucherify.Sandbox.Hosting;

namespace Voucherify.Sandbox.Customers;

/// <summary>
/// The parts every new customer has in common (zero summaries, loyalty and referrals, empty system metadata), held
/// once and shared by every stored customer whose parts still equal them: a plain customer then costs its own members
/// only. Safe because stored customers are replaced on change, never mutated.
/// </summary>
internal static class SharedDefaults
{
    private static readonly Customer Blank = NewBlankCustomer();
    private static readonly JObject BlankJson = JObject.FromObject(Blank, SandboxJson.Serializer);

    /// <summary>A new customer with no orders, redemptions, loyalty or referrals yet.</summary>
    public static Customer NewBlankCustomer() => new()
    {
        Metadata = new Dictionary<string, object>(),
        Summary = new CustomerSummary
        {
            Redemptions = new CustomerRedemptionsSummary
            {
                TotalRedeemed = 0, TotalFailed = 0, TotalSucceeded = 0,
                TotalRolledBack = 0, TotalRollbackFailed = 0, TotalRollbackSucceeded = 0,
                Gift = new CustomerGiftSummary { RedeemedAmount = 0, AmountToGo = 0 },
                LoyaltyCard = new CustomerLoyaltyCardSummary { RedeemedPoints = 0, PointsToGo = 0 },
            },
            Orders = new CustomerOrdersSummary { TotalAmount = 0, TotalCount = 0, AverageAmount = 0, LastOrderAmount = 0 },
        },
        Loyalty = new CustomerLoyalty { Points = 0, ReferredCustomers = 0, Campaigns = new Dictionary<string, CustomerLoyaltyCampaign>() },
        Referrals = new CustomerReferrals { Total = 0, Campaigns = [] },
        SystemMetadata = new Dictionary<string, object>(),
        Object = "customer",
    };

    /// <summary>The customer with each part that equals the blank one replaced by the shared instance.</summary>
    public static Customer Compact(Customer customer)
    {
        if (Same(customer.Summary, "summary")) customer.Summary = Blank.Summary;
        if (Same(customer.Loyalty, "loyalty")) customer.Loyalty = Blank.Loyalty;
        if (Same(customer.Referrals, "referrals")) customer.Referrals = Blank.Referrals;
        if (customer.SystemMetadata is { Count: 0 }) customer.SystemMetadata = Blank.SystemMetadata;
        if (customer.Metadata is { Count: 0 }) customer.Metadata = Blank.Metadata;
        return customer;
    }

    /// <summary>
    /// A new customer with the shared blank instance for each part it lacks (summary, loyalty, referrals, system
    /// metadata) or has empty (metadata): no copy and no comparison per customer.
    /// </summary>
    public static Customer WithBlankParts(Customer customer)
    {
        customer.Summary ??= Blank.Summary;
        customer.Loyalty ??= Blank.Loyalty;
        customer.Referrals ??= Blank.Referrals;
        customer.SystemMetadata ??= Blank.SystemMetadata;
        if (customer.Metadata is { Count: 0 }) customer.Metadata = Blank.Metadata;
        customer.Object ??= Blank.Object;
        return customer;
    }

    private static bool Same(object? part, string member) =>
        part is not null && JToken.DeepEquals(JToken.FromObject(part, SandboxJson.Serializer), BlankJson[member]);
}
