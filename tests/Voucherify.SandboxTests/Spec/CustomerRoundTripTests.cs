using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using Operations = Voucherify.CustomersClient.Operations;

namespace Voucherify.SandboxTests.Spec;

/// <summary>
/// Every member a request DTO of the spec declares survives into the customer the sandbox returns: create, update and
/// bulk update bodies with every member set, and a CSV with every column the spec lists. The members come from the
/// generated DTOs and descriptors, so a member added to the spec is covered here, and stored by the sandbox, with no
/// change to either (<see cref="NewMemberTests"/> keeps the experiment that showed it).
/// </summary>
public sealed class CustomerRoundTripTests
{
    [Fact]
    public async Task Every_member_of_a_create_body_comes_back_from_get()
    {
        await using var probe = await SpecProbe.StartAsync();
        // id names an existing customer to update; the rest is the new customer's.
        var body = SampleBody.Of<CustomerCreateOptions>(new Dictionary<string, JToken?> { ["id"] = null, ["source_id"] = "round-trip-create" });

        Assert.Equal(HttpStatusCode.OK, (await probe.SendJsonAsync("POST", Operations.CreateCustomer.Route, body)).Status);

        AssertEveryMemberKept(body, await probe.GetCustomerAsync("round-trip-create"));
    }

    [Fact]
    public async Task Every_member_of_an_update_body_comes_back_from_get()
    {
        await using var probe = await SpecProbe.StartAsync();
        await probe.SendJsonAsync("POST", Operations.CreateCustomer.Route, new JObject { ["source_id"] = "round-trip-update" });
        var body = SampleBody.Of<CustomerUpdateOptions>(new Dictionary<string, JToken?>());

        Assert.Equal(HttpStatusCode.OK, (await probe.SendJsonAsync("PUT", SpecProbe.Fill(Operations.UpdateCustomer.Route, "round-trip-update"), body)).Status);

        AssertEveryMemberKept(body, await probe.GetCustomerAsync("round-trip-update"));
    }

    [Fact]
    public async Task Every_member_of_a_bulk_update_item_comes_back_from_get()
    {
        await using var probe = await SpecProbe.StartAsync();
        var item = SampleBody.Of<CustomerBulkUpdateItem>(new Dictionary<string, JToken?> { ["source_id"] = "round-trip-bulk" });

        var (status, started) = await probe.SendJsonAsync("POST", Operations.UpdateCustomersInBulk.Route, new JArray(item));
        Assert.Equal(HttpStatusCode.Accepted, status);
        await probe.WaitForJobAsync(started);

        AssertEveryMemberKept(item, await probe.GetCustomerAsync("round-trip-bulk"));
    }

    [Fact]
    public async Task Every_csv_column_of_the_spec_sets_its_member()
    {
        await using var probe = await SpecProbe.StartAsync();
        // Id names an existing customer to update; every other column gets a value its member accepts.
        var columns = Operations.ImportCustomersFromCsv.CsvColumns.Where(c => c.Member != "id").ToList();
        var values = columns.Select(c => c.Member switch
        {
            "source_id" => "round-trip-csv",
            "email" => "csv@example.com",
            "birthdate" => "2001-02-03",
            _ => "csv-" + c.Column,
        }).ToList();
        var csv = string.Join(",", columns.Select(c => c.Column)) + "\n" + string.Join(",", values) + "\n";
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "customers.csv" } };

        var (status, started) = await probe.SendAsync("POST", Operations.ImportCustomersFromCsv.Route, form);
        Assert.Equal(HttpStatusCode.Accepted, status);
        await probe.WaitForJobAsync(started);

        var customer = await probe.GetCustomerAsync("round-trip-csv");
        foreach (var (column, value) in columns.Zip(values))
            Assert.True((string?)customer.SelectToken(column.Member) == value, $"Column {column.Column} should set {column.Member} to {value}: {customer}");
    }

    private static void AssertEveryMemberKept(JObject sent, JObject customer)
    {
        Assert.NotEmpty(sent.Properties());
        foreach (var member in sent.Properties())
            Assert.True(JToken.DeepEquals(member.Value, customer[member.Name]),
                $"{member.Name} was sent as {member.Value.ToString(Newtonsoft.Json.Formatting.None)} but came back as {customer[member.Name]?.ToString(Newtonsoft.Json.Formatting.None) ?? "(absent)"}");
    }
}
