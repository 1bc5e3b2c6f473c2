using System.Reflection;
using System.Runtime.Serialization;
using Voucherify.Http;
using Voucherify.TestSupport;
using YamlDotNet.RepresentationModel;

namespace Voucherify.Tests.Descriptors;

/// <summary>
/// The generated operation descriptors say exactly what the spec and its x-voucherify-* extensions say, for every
/// operation of the spec and no other.
/// </summary>
public class OperationDescriptorSpecTests
{
    private static IReadOnlyList<OperationDescriptor> Generated => OperationCatalog.All;

    public static TheoryData<string> OperationIds() => new(SpecDocument.Operations().Select(o => o.Id));

    [Fact]
    public void Every_spec_operation_has_exactly_one_descriptor_and_every_descriptor_a_spec_operation()
    {
        // OperationCatalog.All is what the sandbox serves: a client of a new tag missing from it fails here.
        Assert.Equal(SpecDocument.Operations().Select(o => o.Id).Order(), Generated.Select(d => d.Id).Order());
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public void The_descriptor_carries_the_spec_operations_method_route_and_x_fields(string operationId)
    {
        var spec = SpecDocument.Operations().Single(o => o.Id == operationId);
        var descriptor = Generated.Single(d => d.Id == operationId);

        Assert.Equal(spec.Method.ToUpperInvariant(), descriptor.Method);
        Assert.Equal(spec.Path, descriptor.Route);
        Assert.Equal(spec.Method.ToUpperInvariant() + " " + spec.Path, descriptor.Name);
        Assert.Equal(ReplayClassOf(SpecDocument.Scalar(spec.Node, "x-voucherify-replay")), descriptor.Replay);
        var limit = SpecDocument.Scalar(spec.Node, "x-voucherify-max-request-bytes");
        Assert.Equal(limit is null or "null" or "~" ? null : long.Parse(limit), descriptor.MaxRequestBytes);
        var ids = SpecDocument.Sequence(spec.Node, "x-voucherify-id-parameters");
        Assert.Equal(ids.Select(i => ((YamlScalarNode)i).Value), descriptor.IdParameters);
        Assert.Equal(SpecDocument.Scalar(spec.Node, "x-voucherify-required-items"), descriptor.RequiredItems);
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public void The_descriptor_carries_the_spec_operations_query_parameters_with_ranges_defaults_and_enum_values(string operationId)
    {
        var spec = SpecDocument.QueryParameters(SpecDocument.Operations().Single(o => o.Id == operationId));
        var descriptor = Generated.Single(d => d.Id == operationId).QueryParameters;

        Assert.Equal(spec.Select(p => p.Name), descriptor.Select(p => p.Name));
        foreach (var (expected, actual) in spec.Zip(descriptor))
        {
            Assert.Equal((expected.Name, expected.Minimum, expected.Maximum, expected.Default), (actual.Name, actual.Minimum, actual.Maximum, actual.Default));
            Assert.Equal(ClrTypeOf(expected), actual.Type.IsEnum ? "enum" : actual.Type.Name);
            // The wire values the sandbox accepts are the generated enum's EnumMember values: the spec's, in its order.
            Assert.Equal(expected.Enum, actual.Type.IsEnum ? WireValues(actual.Type) : []);
        }
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public void The_descriptor_carries_the_spec_operations_csv_columns(string operationId)
    {
        var spec = SpecDocument.Sequence(SpecDocument.Operations().Single(o => o.Id == operationId).Node, "x-voucherify-csv-columns")
            .Cast<YamlMappingNode>().Select(c => (SpecDocument.Scalar(c, "column"), SpecDocument.Scalar(c, "member")));

        Assert.Equal(spec, Generated.Single(d => d.Id == operationId).CsvColumns.Select(c => ((string?)c.Column, (string?)c.Member)));
    }

    [Fact]
    public void The_csv_packages_standard_columns_are_the_ones_the_spec_gives_the_import()
    {
        Assert.Equal(CustomersClient.Operations.ImportCustomersFromCsv.CsvColumns.Select(c => c.Column).Order(), Voucherify.Csv.CustomerCsv.StandardColumns.Order());
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public void The_descriptor_names_the_generated_types_of_the_spec_operations_json_body_and_success_response(string operationId)
    {
        var spec = SpecDocument.Operations().Single(o => o.Id == operationId).Node;
        var descriptor = Generated.Single(d => d.Id == operationId);

        var body = JsonSchema(spec, "requestBody");
        Assert.Equal(body is null ? null : SchemaName(body), descriptor.RequestBody is { } type ? TypeName(type) : null);
        var success = ((YamlMappingNode)spec.Children[new YamlScalarNode("responses")]).Children
            .Single(r => ((YamlScalarNode)r.Key).Value!.StartsWith('2')).Value;
        var response = JsonSchema((YamlMappingNode)success, null);
        Assert.Equal(response is null ? null : SchemaName(response), descriptor.Response?.Name);
    }

    /// <summary>The application/json schema under <paramref name="key"/> (or the node itself); null when there is none.</summary>
    private static YamlMappingNode? JsonSchema(YamlMappingNode node, string? key)
    {
        if (key is not null && !node.Children.TryGetValue(new YamlScalarNode(key), out var child)) return null;
        var content = key is null ? node : (YamlMappingNode)node.Children[new YamlScalarNode(key)];
        return content.Children.TryGetValue(new YamlScalarNode("content"), out var media)
            && ((YamlMappingNode)media).Children.TryGetValue(new YamlScalarNode("application/json"), out var json)
            ? (YamlMappingNode)((YamlMappingNode)json).Children[new YamlScalarNode("schema")]
            : null;
    }

    // '#/components/schemas/Customer' → Customer; an array of them → IEnumerable<Customer> (NSwag names types after schemas).
    private static string SchemaName(YamlMappingNode schema) => SpecDocument.Scalar(schema, "type") == "array"
        ? $"IEnumerable<{SchemaName((YamlMappingNode)schema.Children[new YamlScalarNode("items")])}>"
        : SpecDocument.Scalar(schema, "$ref")!.Split('/')[^1];

    private static string TypeName(Type type) =>
        type.IsGenericType ? $"{type.Name.Split('`')[0]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>" : type.Name;

    [Fact]
    public void The_bulk_chunkers_public_limit_is_the_one_the_spec_gives_the_bulk_operations()
    {
        Assert.Equal(BulkUpdateOptions.ApiMaxRequestBytes, CustomersClient.Operations.UpdateCustomersInBulk.MaxRequestBytes);
        Assert.Equal(BulkUpdateOptions.ApiMaxRequestBytes, CustomersClient.Operations.UpdateCustomersMetadataInBulk.MaxRequestBytes);
    }

    private static string ClrTypeOf(SpecDocument.QueryParameter parameter) => parameter switch
    {
        { Enum.Count: > 0 } => "enum",
        { Type: "integer" } => nameof(Int32),
        { Type: "string", Format: "date-time" } => nameof(DateTimeOffset),
        _ => nameof(String),
    };

    private static IEnumerable<string> WireValues(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.GetCustomAttribute<EnumMemberAttribute>()!.Value!);

    private static ReplayClass ReplayClassOf(string? value) => value switch
    {
        "safe" => ReplayClass.Safe,
        "upsert-when-id-or-source_id" => ReplayClass.UpsertWhenIdOrSourceId,
        "never" => ReplayClass.Never,
        _ => throw new Xunit.Sdk.XunitException($"x-voucherify-replay '{value}' is not one the client knows"),
    };

    [Fact]
    public void A_descriptor_reads_as_its_method_and_route()
    {
        Assert.Equal("GET /v1/customers/{customerId}", CustomersClient.Operations.GetCustomer.ToString());
        Assert.Equal(HttpMethod.Get, CustomersClient.Operations.GetCustomer.HttpMethod);
    }
}
