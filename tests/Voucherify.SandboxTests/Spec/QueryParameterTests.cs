using System.Net;
using Newtonsoft.Json.Linq;
using Voucherify.Http;
using Voucherify.Sandbox.Hosting;

namespace Voucherify.SandboxTests.Spec;

/// <summary>
/// Every query parameter of every operation, as its generated descriptor declares it (checked against the YAML by
/// <c>OperationDescriptorSpecTests</c>): the sandbox reads each one, takes exactly the spec's integer range and enum
/// values, and refuses what the spec does not allow. A parameter, range or enum value added to the spec is probed here
/// with no change to this file.
/// </summary>
public sealed class QueryParameterTests
{
    private const string CustomerSourceId = "query-probe";

    public static TheoryData<string, string> Parameters => Data(_ => true, p => [p.Name]);

    public static TheoryData<string, string> IntegerParameters => Data(p => p.Type == typeof(int), p => [p.Name]);

    public static TheoryData<string, string> DateTimeParameters => Data(p => p.Type == typeof(DateTimeOffset), p => [p.Name]);

    public static TheoryData<string, string> EnumParameters => Data(p => p.Type.IsEnum, p => [p.Name]);

    /// <summary>Every wire value of every enum parameter, as <c>name=value</c>.</summary>
    public static TheoryData<string, string> EnumValues => Data(p => p.Type.IsEnum, p => WireValues.Of(p.Type).Select(v => $"{p.Name}={v}"));

    [Theory]
    [MemberData(nameof(Parameters))]
    public async Task Every_declared_query_parameter_is_read_by_the_sandbox(string operationId, string parameter)
    {
        var declared = Declared(operationId, parameter);

        var (status, body) = await SendAsync(operationId, $"{Uri.EscapeDataString(parameter)}={Uri.EscapeDataString(ValidValue(declared))}");

        Assert.True(status == HttpStatusCode.OK, $"{operationId} with {parameter}: {(int)status} {body}");
    }

    [Theory]
    [MemberData(nameof(IntegerParameters))]
    public async Task An_integer_parameter_takes_exactly_the_spec_range(string operationId, string parameter)
    {
        var declared = Declared(operationId, parameter);
        var (min, max) = (declared.Minimum!.Value, declared.Maximum!.Value);

        foreach (var inside in new[] { min, max })
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(operationId, $"{parameter}={inside}")).Status);
        foreach (var outside in new[] { min - 1, max + 1 })
            await AssertRefusedAsync(operationId, $"{parameter}={outside}", $"{parameter} must be an integer from {min} to {max}");
    }

    [Theory]
    [MemberData(nameof(EnumValues))]
    public async Task Every_value_of_an_enum_parameter_in_the_spec_is_accepted(string operationId, string pair)
    {
        var (status, body) = await SendAsync(operationId, pair);

        Assert.True(status == HttpStatusCode.OK, $"{operationId} with {pair}: {(int)status} {body}");
    }

    [Theory]
    [MemberData(nameof(EnumParameters))]
    public async Task A_value_outside_an_enum_parameters_spec_values_is_refused_listing_them(string operationId, string parameter)
    {
        var allowed = WireValues.Of(Declared(operationId, parameter).Type);

        await AssertRefusedAsync(operationId, $"{parameter}=not-in-the-spec", $"{parameter} must be one of {string.Join(", ", allowed)}");
    }

    [Theory]
    [MemberData(nameof(DateTimeParameters))]
    public async Task A_date_time_parameter_refuses_text_that_is_no_instant(string operationId, string parameter)
    {
        await AssertRefusedAsync(operationId, $"{Uri.EscapeDataString(parameter)}=yesterday", $"{parameter} must be an ISO 8601 date-time");
    }

    private static TheoryData<string, string> Data(Func<ParameterDescriptor, bool> which, Func<ParameterDescriptor, IEnumerable<string>> rows)
    {
        var data = new TheoryData<string, string>();
        foreach (var operation in OperationCatalog.All)
            foreach (var parameter in operation.QueryParameters.Where(which))
                foreach (var row in rows(parameter))
                    data.Add(operation.Id, row);
        return data;
    }

    private static ParameterDescriptor Declared(string operationId, string parameter) =>
        OperationCatalog.All.Single(o => o.Id == operationId).QueryParameters.Single(p => p.Name == parameter);

    private static string ValidValue(ParameterDescriptor parameter) => parameter.Type switch
    {
        { IsEnum: true } type => WireValues.Of(type)[0],
        var type when type == typeof(int) => parameter.Default!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        var type when type == typeof(DateTimeOffset) => "2024-01-02T03:04:05Z",
        _ => "probe",
    };

    private static async Task AssertRefusedAsync(string operationId, string query, string reason)
    {
        var (status, body) = await SendAsync(operationId, query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_query_params", (string?)body!["key"]);
        Assert.Contains(reason, (string?)body["details"]);
    }

    /// <summary>Calls the operation on a customer that exists, with <paramref name="query"/>.</summary>
    private static async Task<(HttpStatusCode Status, JToken? Body)> SendAsync(string operationId, string query)
    {
        var operation = OperationCatalog.All.Single(o => o.Id == operationId);
        await using var probe = await SpecProbe.StartAsync();
        await probe.SendJsonAsync("POST", CustomersClient.Operations.CreateCustomer.Route, new JObject { ["source_id"] = CustomerSourceId });

        return await probe.SendAsync(operation.Method, SpecProbe.Fill(operation.Route, CustomerSourceId) + "?" + query);
    }
}
