using Voucherify.ContractTests.Infrastructure;

namespace Voucherify.ContractTests.Filters;

/// <summary>
/// The exact wire form of the redeemables <c>filters</c> query. Prism does not check bracket-named keys, so these
/// tests pin every byte the client sends.
/// </summary>
public sealed class RedeemablesFilterEncodingTests : IDisposable
{
    private const string Customer = "cust_p1ufreYbVbwZ1x70nFkH9rF9";
    private readonly RecordingClient _recording = new();

    private CustomersClient Customers => _recording.Client.Customers;

    [Fact]
    public async Task A_condition_list_and_the_junction_are_sent_as_indexed_bracket_keys_percent_encoded()
    {
        await Customers.ListCustomerRedeemablesAsync(Customer, new CustomerRedeemableListOptions
        {
            Filter = new CustomerRedeemableFilter { HolderRole = new StringFilterConditions { In = { "OWNER" } }, Junction = FilterJunction.And },
        });

        Assert.Equal($"{RecordingClient.BaseUrl}/v1/customers/{Customer}/redeemables"
                     + "?filters%5Bholder_role%5D%5Bconditions%5D%5B%24in%5D%5B0%5D=OWNER&filters%5Bjunction%5D=and",
            Assert.Single(_recording.Requested).AbsoluteUri);
    }

    [Fact]
    public async Task Every_condition_on_every_field_is_sent_in_declaration_order()
    {
        await Customers.ListCustomerRedeemablesAsync(Customer, new CustomerRedeemableListOptions { Filter = RedeemablesFilters.EveryCondition });

        Assert.Equal(RedeemablesFilters.EveryConditionQuery, RecordingClient.DecodedPairs(_recording.SentQuery));
    }

    [Fact]
    public async Task Presence_conditions_carry_an_empty_value_and_are_left_out_when_false()
    {
        await Customers.ListCustomerRedeemablesAsync(Customer, new CustomerRedeemableListOptions
        {
            Filter = new CustomerRedeemableFilter
            {
                CampaignId = new StringFilterConditions { HasValue = true },
                CampaignType = new StringFilterConditions { IsUnknown = true },
                CreatedAt = new DateTimeFilterConditions { HasValue = false, IsUnknown = true },
            },
        });

        Assert.Equal(
            "filters%5Bcreated_at%5D%5Bconditions%5D%5B%24is_unknown%5D="
            + "&filters%5Bcampaign_id%5D%5Bconditions%5D%5B%24has_value%5D="
            + "&filters%5Bcampaign_type%5D%5Bconditions%5D%5B%24is_unknown%5D=",
            _recording.SentQuery);
    }

    [Fact]
    public async Task Date_conditions_are_sent_in_utc_with_milliseconds_and_a_z()
    {
        await Customers.ListCustomerRedeemablesAsync(Customer, new CustomerRedeemableListOptions
        {
            Filter = new CustomerRedeemableFilter
            {
                CreatedAt = new DateTimeFilterConditions { Before = new DateTimeOffset(2024, 6, 1, 1, 30, 0, 5, TimeSpan.FromHours(-5)) },
            },
        });

        Assert.Equal(["filters[created_at][conditions][$before]=2024-06-01T06:30:00.005Z"], RecordingClient.DecodedPairs(_recording.SentQuery));
    }

    [Fact]
    public async Task Reserved_characters_in_values_are_percent_encoded()
    {
        await Customers.ListCustomerRedeemablesAsync(Customer, new CustomerRedeemableListOptions
        {
            Filter = new CustomerRedeemableFilter { CampaignId = new StringFilterConditions { Contains = "a&b=c [d]+é" } },
        });

        Assert.Equal("filters%5Bcampaign_id%5D%5Bconditions%5D%5B%24contains%5D=a%26b%3Dc%20%5Bd%5D%2B%C3%A9", _recording.SentQuery);
    }

    [Fact]
    public async Task Paging_and_order_come_first_and_the_filters_follow()
    {
        await Customers.ListCustomerRedeemablesAsync(Customer, new CustomerRedeemableListOptions
        {
            PageSize = 25,
            Order = CustomerRedeemableListOrder.IdDescending,
            StartingAfterId = "rh_0e7b8db4700106a852",
            Filter = new CustomerRedeemableFilter { VoucherType = new StringFilterConditions { Is = "LOYALTY_CARD" } },
        });

        Assert.Equal(
            ["limit=25", "order=-id", "starting_after_id=rh_0e7b8db4700106a852", "filters[voucher_type][conditions][$is]=LOYALTY_CARD"],
            RecordingClient.DecodedPairs(_recording.SentQuery));
    }

    [Fact]
    public async Task No_filter_or_an_empty_filter_sends_no_filters_key()
    {
        await Customers.ListCustomerRedeemablesAsync(Customer, new CustomerRedeemableListOptions { PageSize = 5 });
        await Customers.ListCustomerRedeemablesAsync(Customer, new CustomerRedeemableListOptions { Filter = new CustomerRedeemableFilter() });

        Assert.Equal(["?limit=5", ""], _recording.Requested.Select(uri => uri.Query));
    }

    [Fact]
    public async Task A_filter_applies_only_to_its_own_call_even_when_calls_overlap()
    {
        var roles = new[] { "OWNER", "REFERRER", "REFEREE" };
        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Customers.ListCustomerRedeemablesAsync($"cust_{i}", new CustomerRedeemableListOptions
        {
            Filter = new CustomerRedeemableFilter { HolderRole = new StringFilterConditions { Is = roles[i % 3] } },
        })));
        await Customers.ListCustomerRedeemablesAsync("cust_plain", limit: 1);
        await Customers.ListCustomerSegmentsAsync("cust_plain");

        var requested = _recording.Requested;
        Assert.All(requested.Where(uri => uri.AbsolutePath.EndsWith("/redeemables", StringComparison.Ordinal) && !uri.AbsolutePath.Contains("cust_plain")), uri =>
        {
            var index = int.Parse(uri.Segments[3].TrimEnd('/')["cust_".Length..]);
            Assert.Equal([$"filters[holder_role][conditions][$is]={roles[index % 3]}"], RecordingClient.DecodedPairs(uri.Query.TrimStart('?')));
        });
        Assert.Equal(30, requested.Count(uri => uri.Query.Contains("filters")));
        Assert.Equal(["?limit=1", ""], requested.Where(uri => uri.AbsolutePath.Contains("cust_plain")).Select(uri => uri.Query));
    }

    [Fact]
    public async Task Null_options_are_rejected_before_sending()
    {
        await Assert.ThrowsAsync<ArgumentNullException>("options", () => Customers.ListCustomerRedeemablesAsync(Customer, (CustomerRedeemableListOptions)null!));
        Assert.Empty(_recording.Requested);
    }

    public void Dispose() => _recording.Dispose();
}
