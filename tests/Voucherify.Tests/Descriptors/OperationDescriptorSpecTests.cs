using Voucherify.Http;
using YamlDotNet.RepresentationModel;

namespace Voucherify.Tests.Descriptors;

/// <summary>
/// The generated operation descriptors say exactly what the spec and its x-voucherify-* extensions say, for every
/// operation of the spec and no other.
/// </summary>
public class OperationDescriptorSpecTests
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    private static readonly IReadOnlyList<OperationDescriptor> Generated =
        CustomersClient.Operations.All.Concat(AsyncActionsClient.Operations.All).ToList();

    public static TheoryData<string> OperationIds() => new(SpecOperations().Select(o => o.Id));

    [Fact]
    public void Every_spec_operation_has_exactly_one_descriptor_and_every_descriptor_a_spec_operation()
    {
        Assert.Equal(SpecOperations().Select(o => o.Id).Order(), Generated.Select(d => d.Id).Order());
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public void The_descriptor_carries_the_spec_operations_method_route_and_x_fields(string operationId)
    {
        var spec = SpecOperations().Single(o => o.Id == operationId);
        var descriptor = Generated.Single(d => d.Id == operationId);

        Assert.Equal(spec.Method.ToUpperInvariant(), descriptor.Method);
        Assert.Equal(spec.Path, descriptor.Route);
        Assert.Equal(spec.Method.ToUpperInvariant() + " " + spec.Path, descriptor.Name);
        Assert.Equal(ReplayClassOf(Scalar(spec.Node, "x-voucherify-replay")), descriptor.Replay);
        var limit = Scalar(spec.Node, "x-voucherify-max-request-bytes");
        Assert.Equal(limit is null or "null" or "~" ? null : long.Parse(limit), descriptor.MaxRequestBytes);
        var ids = (YamlSequenceNode)spec.Node.Children[new YamlScalarNode("x-voucherify-id-parameters")];
        Assert.Equal(ids.Children.Select(i => ((YamlScalarNode)i).Value), descriptor.IdParameters);
        Assert.Equal(Scalar(spec.Node, "x-voucherify-required-items"), descriptor.RequiredItems);
    }

    [Fact]
    public void The_bulk_chunkers_public_limit_is_the_one_the_spec_gives_the_bulk_operations()
    {
        Assert.Equal(BulkUpdateOptions.ApiMaxRequestBytes, CustomersClient.Operations.UpdateCustomersInBulk.MaxRequestBytes);
        Assert.Equal(BulkUpdateOptions.ApiMaxRequestBytes, CustomersClient.Operations.UpdateCustomersMetadataInBulk.MaxRequestBytes);
    }

    private static ReplayClass ReplayClassOf(string? value) => value switch
    {
        "safe" => ReplayClass.Safe,
        "upsert-when-id-or-source_id" => ReplayClass.UpsertWhenIdOrSourceId,
        "never" => ReplayClass.Never,
        _ => throw new Xunit.Sdk.XunitException($"x-voucherify-replay '{value}' is not one the client knows"),
    };

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private static List<(string Id, string Method, string Path, YamlMappingNode Node)> SpecOperations()
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "openapi", "voucherify-customers.yaml")))
            yaml.Load(reader);
        var paths = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("paths")];
        return (from path in paths.Children
                from operation in ((YamlMappingNode)path.Value).Children
                let method = ((YamlScalarNode)operation.Key).Value!
                where Methods.Contains(method)
                let node = (YamlMappingNode)operation.Value
                select (Scalar(node, "operationId")!, method, ((YamlScalarNode)path.Key).Value!, node)).ToList();
    }

    [Fact]
    public void A_descriptor_reads_as_its_method_and_route()
    {
        Assert.Equal("GET /v1/customers/{customerId}", CustomersClient.Operations.GetCustomer.ToString());
        Assert.Equal(HttpMethod.Get, CustomersClient.Operations.GetCustomer.HttpMethod);
    }
}
