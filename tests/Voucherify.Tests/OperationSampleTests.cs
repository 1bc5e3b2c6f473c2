using Voucherify.Http;

namespace Voucherify.Tests;

/// <summary>
/// The shared sample registry (tests/Shared/OperationSamples.cs) covers every operation of the spec with what its
/// per-operation tests need, so a new operation gets every check (errors, tolerance, path escaping, argument
/// validation, caller context, the reliability fault matrix, the contract tests) or fails here naming what is missing.
/// </summary>
public class OperationSampleTests
{
    private const string Registry = "tests/Shared/OperationSamples.cs";

    public static TheoryData<string> OperationIds => new(OperationCatalog.All.Select(d => d.Id));

    [Fact]
    public void Every_operation_of_the_spec_has_a_sample_and_every_sample_an_operation()
    {
        var missing = OperationCatalog.All.Where(d => !OperationSamples.ById.ContainsKey(d.Id)).Select(d => $"{d.Id} ({d.Name})");
        var unknown = OperationSamples.ById.Keys.Except(OperationCatalog.All.Select(d => d.Id));

        Assert.True(!missing.Any(), $"No sample call in {Registry} for: {string.Join(", ", missing)}. Add one so the per-operation tests cover it.");
        Assert.True(!unknown.Any(), $"{Registry} has samples for operations the spec does not have: {string.Join(", ", unknown)}.");
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public void The_sample_of_an_operation_has_what_its_tests_need(string operationId)
    {
        var operation = OperationCatalog.All.Single(d => d.Id == operationId);
        Assert.True(OperationSamples.ById.TryGetValue(operationId, out var sample), $"No sample call in {Registry} for {operationId} ({operation.Name}).");

        if (operation.IdParameters.Count > 0)
            Assert.True(sample.WithId is not null, $"{operationId} is addressed by {{{operation.IdParameters[0]}}}: its sample in {Registry} needs WithId (path escaping and id validation).");
        if (operation.Response is { } response)
        {
            Assert.True(sample.AllNullFixture is not null, $"{operationId} answers {response.Name}: its sample in {Registry} needs an AllNullFixture (tolerance).");
            Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Tolerance", sample.AllNullFixture)), $"{operationId}'s AllNullFixture {sample.AllNullFixture} is not in tests/Voucherify.Tests/Fixtures/Tolerance.");
        }
        else
        {
            Assert.True(sample.AllNullFixture is null, $"{operationId} answers without a body, yet its sample names an AllNullFixture.");
        }
        Assert.All(sample.Calls, call => Assert.Equal(operationId, call.OperationId));
    }

    [Fact]
    public void Every_sample_call_has_its_own_name()
    {
        var repeated = OperationSamples.AllCalls.GroupBy(c => c.Name).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(repeated);
    }
}
