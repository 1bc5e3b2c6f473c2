using System.Text;
using Newtonsoft.Json;

namespace Voucherify.Benchmarks.Shared;

/// <summary>
/// The data every benchmark and budget works on, built from the client's own DTOs so that the JSON has exactly
/// the shape the client reads: a customer with every section filled (address, metadata, summary, loyalty with
/// two campaigns, two referrals, assets).
/// </summary>
internal static class Payloads
{
    public const string CustomerId = "cust_bench0000000000000001";
    public const string AsyncActionId = "aa_bench000000000000000001";
    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Customer FullCustomer(int index) => new()
    {
        Id = $"cust_bench{index:D16}",
        SourceId = $"customer-{index}@example.com",
        Name = $"Customer Number {index}",
        Description = "Regular customer created by the benchmark fixtures",
        Email = $"customer-{index}@example.com",
        Phone = "+48 600 100 200",
        Birthdate = new DateTime(1990, 5, 17),
        Address = Address(),
        Metadata = Metadata(),
        Summary = new CustomerSummary
        {
            Redemptions = new CustomerRedemptionsSummary
            {
                TotalRedeemed = 12, TotalFailed = 1, TotalSucceeded = 11, TotalRolledBack = 2, TotalRollbackFailed = 0, TotalRollbackSucceeded = 2,
                Gift = new CustomerGiftSummary { RedeemedAmount = 15000, AmountToGo = 5000 },
                LoyaltyCard = new CustomerLoyaltyCardSummary { RedeemedPoints = 420, PointsToGo = 1380 },
            },
            Orders = new CustomerOrdersSummary
            {
                TotalAmount = 845000, TotalCount = 9, AverageAmount = 93888, LastOrderAmount = 12900,
                LastOrderDate = Epoch.AddDays(-3),
            },
        },
        Loyalty = new CustomerLoyalty
        {
            Points = 1800, ReferredCustomers = 2,
            Campaigns = new Dictionary<string, CustomerLoyaltyCampaign>
            {
                ["Spring Points"] = new() { Points = 1200, LoyaltyTier = "ltr_silver", ReferredCustomers = 1 },
                ["Coffee Club"] = new() { Points = 600, LoyaltyTier = "ltr_gold", ReferredCustomers = 1 },
            },
        },
        Referrals = new CustomerReferrals
        {
            Total = 2,
            Campaigns = new List<CustomerReferral>
            {
                new() { CampaignId = "camp_ref0000000000000001", ReferrerId = "cust_ref0000000000000001", RelatedObjectId = "r_0000000000000001", RelatedObjectType = "redemption", Date = Epoch.AddDays(-40) },
                new() { CampaignId = "camp_ref0000000000000002", ReferrerId = "cust_ref0000000000000002", RelatedObjectId = "r_0000000000000002", RelatedObjectType = "redemption", Date = Epoch.AddDays(-20) },
            },
        },
        SystemMetadata = new Dictionary<string, object>(),
        CreatedAt = Epoch.AddSeconds(index),
        UpdatedAt = Epoch.AddSeconds(index).AddDays(30),
        Assets = new CustomerAssets { CockpitUrl = $"https://cockpit.example.com/customers/{index}" },
        Object = "customer",
    };

    /// <summary>The instant the customer with this index was created; pages are ordered by it.</summary>
    public static DateTimeOffset CreatedAt(int index) => Epoch.AddSeconds(index);

    /// <summary>The index of the last customer created at or before <paramref name="createdAt"/> (inverse of <see cref="CreatedAt"/>).</summary>
    public static int IndexOf(DateTimeOffset createdAt) => (int)Math.Floor((createdAt - Epoch).TotalSeconds);

    public static CustomerCreateOptions CreateBody() => new()
    {
        SourceId = "customer-1@example.com",
        Name = "Customer Number 1",
        Description = "Regular customer created by the benchmark fixtures",
        Email = "customer-1@example.com",
        Phone = "+48 600 100 200",
        Birthdate = new DateTime(1990, 5, 17),
        Address = Address(),
        Metadata = Metadata(),
    };

    private static CustomerAddress Address() => new()
    {
        City = "Warsaw", State = "Mazowieckie", Line1 = "ul. Prosta 51", Line2 = "Floor 7",
        Country = "Poland", PostalCode = "00-838",
    };

    private static Dictionary<string, object> Metadata() =>
        new() { ["lang"] = "pl", ["vip"] = true, ["tier"] = 3, ["signup"] = "2023-11-05" };

    public static byte[] CustomerJson { get; } = Utf8(FullCustomer(1));

    public static byte[] CustomerListJson(int count) => Utf8(new CustomerList
    {
        Object = "list",
        DataRef = "customers",
        Customers = Enumerable.Range(1, count).Select(FullCustomer).ToList(),
        Total = count,
        HasMore = false,
    });

    public static byte[] AsyncActionStartedJson { get; } = Utf8(new AsyncActionStarted { AsyncActionId = AsyncActionId });

    public static byte[] Utf8(object value) => Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(value));

    public const string CsvHeader = "Source_id,Name,Email,Phone,Address_City,Address_Country,tier\n";

    /// <summary>Writes CSV rows (header first) until the stream holds at least <paramref name="bytes"/> bytes.</summary>
    public static void WriteCsv(Stream destination, long bytes)
    {
        using var writer = new StreamWriter(destination, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        writer.Write(CsvHeader);
        long written = CsvHeader.Length;
        for (var row = 1; written < bytes; row++)
        {
            var line = $"customer-{row}@example.com,Customer Number {row},customer-{row}@example.com,+48 600 100 200,Warsaw,Poland,{row % 5}\n";
            writer.Write(line);
            written += line.Length;
        }
    }

    public static byte[] Csv(long bytes)
    {
        using var buffer = new MemoryStream();
        WriteCsv(buffer, bytes);
        return buffer.ToArray();
    }

    /// <summary>A generated CSV file of at least <paramref name="bytes"/> bytes in the temp folder; the caller deletes it.</summary>
    public static string CsvFile(long bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"voucherify-bench-{Guid.NewGuid():N}.csv");
        using var file = File.Create(path);
        WriteCsv(file, bytes);
        return path;
    }

    /// <summary>Opens a CSV file the way the client's path overload does.</summary>
    public static FileStream OpenCsv(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
}
