using System.Text;
using Voucherify.Sandbox;
using Voucherify.SandboxTests.Raw;

namespace Voucherify.SandboxTests;

/// <summary>Requests that used to end in an empty 500: each is answered as the API would, and no 5xx is left.</summary>
public sealed class NoServerErrorTests : SandboxPerTest
{
    private const string Boundary = "sandbox-test-boundary";

    protected override VoucherifySandboxOptions Options()
    {
        var seed = new SandboxSeed();
        seed.Customers.Add(new SeedCustomer(new Customer { SourceId = "crm-1" })
        {
            Redeemables =
            {
                new CustomerRedeemable { RedeemableId = "v_1", RedeemableObject = "voucher", HolderRole = "OWNER", CreatedAt = DateTimeOffset.UtcNow.AddDays(-3) },
                new CustomerRedeemable { RedeemableId = "v_2", RedeemableObject = "voucher", HolderRole = "OWNER", CreatedAt = DateTimeOffset.UtcNow.AddDays(-1) },
            },
        });
        return new VoucherifySandboxOptions { Seed = seed };
    }

    [Theory]
    [InlineData("$more_than", "740000", 0)]
    [InlineData("$less_than", "740000", 2)]
    [InlineData("$more_than", "2147483647", 0)]
    [InlineData("$less_than", "2147483647", 2)]
    [InlineData("$more_than", "2", 1)]
    [InlineData("$less_than", "2", 1)]
    public async Task Days_ago_beyond_the_calendar_match_nothing_or_everything(string op, string days, int matches)
    {
        var response = await RawHttp.SendAsync(Sandbox, "GET", $"/v1/customers/crm-1/redeemables?filters%5Bcreated_at%5D%5Bconditions%5D%5B{op}%5D={days}");

        Assert.Equal(200, response?.StatusCode);
        Assert.Equal(matches, (int?)response!.Json?["total"]);
    }

    [Theory]
    [InlineData(1, 17 * 1024)]
    [InlineData(17, 10)]
    public async Task An_import_part_with_headers_over_the_limits_is_a_400(int headerCount, int headerLength)
    {
        var headers = string.Concat(Enumerable.Range(0, headerCount).Select(i => $"X-Filler-{i}: {new string('a', headerLength)}\r\n"));
        var multipart = $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\n{headers}\r\n" +
                        $"Source_id\r\nghost\r\n\r\n--{Boundary}--\r\n";

        var response = await RawHttp.SendAsync(Sandbox, "POST", "/v1/customers/importCSV", Encoding.UTF8.GetBytes(multipart), $"multipart/form-data; boundary={Boundary}");

        Assert.Equal("invalid_payload", ApiError.Assert(response, 400));
        Assert.Contains("limit", (string?)response!.Json!["details"]);
    }
}
