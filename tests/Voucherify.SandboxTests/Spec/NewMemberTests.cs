using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Voucherify.Sandbox.Customers;
using Voucherify.Sandbox.Hosting;

namespace Voucherify.SandboxTests.Spec;

/// <summary>
/// The experiment behind <see cref="CustomerRoundTripTests"/>, kept as a test: adding <c>external_ref</c> to the
/// spec's create body (and regenerating) gives the DTO one more <c>[JsonProperty]</c>, simulated here by a subclass.
/// The sandbox stores and returns it with no change of its own. (Done for real on the spec, the three body round trips
/// passed unchanged; with the old hand-written member list they failed with "external_ref … came back as (absent)".)
/// </summary>
public sealed class NewMemberTests
{
    [Fact]
    public void A_member_added_to_a_request_body_is_stored_and_returned_by_the_sandbox()
    {
        var members = ProfileMembers.Of(typeof(CreateOptionsWithExternalRef));
        var store = new CustomerStore(new SandboxClock(TimeProvider.System), "app-id");
        var body = JObject.Parse("""{"source_id":"crm-42","name":"Ada","external_ref":"erp-7"}""");

        var customer = store.Upsert(null, "crm-42", ProfileMembers.Select(body, members), mergeObjects: false, "v-1")!;

        Assert.Contains("external_ref", (IReadOnlySet<string>)members);
        Assert.DoesNotContain("source_id", (IReadOnlySet<string>)members);
        var returned = JObject.FromObject(customer, SandboxJson.Serializer);
        Assert.Equal(("erp-7", "Ada"), ((string?)returned["external_ref"], (string?)returned["name"]));
    }

    private sealed class CreateOptionsWithExternalRef : CustomerCreateOptions
    {
        [JsonProperty("external_ref", NullValueHandling = NullValueHandling.Ignore)]
        public string? ExternalRef { get; set; }
    }
}
