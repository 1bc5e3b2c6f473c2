using System.Net;
using Microsoft.AspNetCore.Routing;
using Voucherify.Sandbox;
using Voucherify.TestSupport;

namespace Voucherify.SandboxTests.Spec;

/// <summary>
/// The sandbox serves the spec's operations, read from the YAML: every operation under its method and route with its
/// operation id as the endpoint name (what the journal and faults use), each with a handler, and no API route besides.
/// </summary>
public sealed class SandboxRouteTests
{
    public static TheoryData<string> OperationIds => new(SpecDocument.Operations().Select(o => o.Id));

    [Fact]
    public async Task The_sandbox_routes_exactly_the_operations_of_the_spec_under_their_ids()
    {
        await using var sandbox = await VoucherifySandbox.StartAsync();

        var served = sandbox.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } route && !route.StartsWith("/_sandbox", StringComparison.Ordinal) && !route.Contains("{*", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods
                .Select(method => $"{e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName} {method} {e.RoutePattern.RawText}"))
            .ToHashSet();
        var specified = SpecDocument.Operations().Select(o => $"{o.Id} {o.Method.ToUpperInvariant()} {o.Path}").ToHashSet();

        var missing = specified.Except(served).Order().ToList();
        var extra = served.Except(specified).Order().ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"The sandbox's routes differ from the spec's operations.\nNot served: {string.Join("; ", missing)}\nNot in the spec: {string.Join("; ", extra)}");
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task Every_operation_of_the_spec_has_a_handler_and_is_journaled_under_its_id(string operationId)
    {
        var operation = SpecDocument.Operations().Single(o => o.Id == operationId);
        await using var probe = await SpecProbe.StartAsync();

        var (status, body) = await probe.SendAsync(operation.Method, SpecProbe.Fill(operation.Path, "probe-id"));

        Assert.True(status != HttpStatusCode.NotImplemented,
            $"{operation} has no handler in the sandbox ({body}): add one, keyed by its descriptor (docs/architecture.md, 'Adding an endpoint').");
        Assert.Equal(operationId, Assert.Single(probe.Sandbox.Requests).OperationId);
    }
}
