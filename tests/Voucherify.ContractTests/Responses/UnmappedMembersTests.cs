using Newtonsoft.Json;

namespace Voucherify.ContractTests.Responses;

public sealed class UnmappedMembersTests
{
    [Fact]
    public void Members_without_a_typed_property_are_reported_with_their_path_and_free_form_json_is_not()
    {
        var customer = JsonConvert.DeserializeObject<Customer>(
            """{"id":"cust_1","surprise":1,"address":{"city":"Warsaw","zip":"00-001"},"metadata":{"anything":{"goes":true}},"referrals":{"campaigns":[{"campaign_id":"camp_1","bonus":2}]}}""");

        Assert.Equal(["$.Address.zip", "$.Referrals.Campaigns[0].bonus", "$.surprise"], UnmappedMembers.In(customer).Order(StringComparer.Ordinal));
    }
}
