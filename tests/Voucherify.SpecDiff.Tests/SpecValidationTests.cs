using Voucherify.SpecDiff.Spec;

namespace Voucherify.SpecDiff.Tests;

/// <summary>What the build's check before NSwag says about a broken spec: one located line per problem.</summary>
public class SpecValidationTests
{
    [Fact]
    public void A_dangling_schema_reference_is_one_line_naming_the_file_line_pointer_and_what_is_missing()
    {
        var yaml = SampleSpec.Edit("$ref: '#/components/schemas/ThingList'", "$ref: '#/components/schemas/ThingLst'");

        var problem = Assert.Single(SpecLoader.Load(yaml, "openapi/sample.yaml").Problems);

        Assert.Equal("openapi/sample.yaml(43,23): error VSPEC001: #/paths/~1v1~1things/get/responses/200/content/application~1json/schema/$ref: " +
                     "$ref '#/components/schemas/ThingLst' does not resolve: #/components/schemas has no 'ThingLst'", problem.ToString());
    }

    [Fact]
    public void A_reference_into_a_missing_section_names_the_deepest_part_that_exists()
    {
        var yaml = SampleSpec.Edit("$ref: '#/components/parameters/limit'", "$ref: '#/components/headers/limit'");

        var problem = Assert.Single(SpecLoader.Load(yaml, "spec.yaml").Problems);

        Assert.Equal("#/paths/~1v1~1things/get/parameters/0/$ref", problem.Pointer);
        Assert.EndsWith("does not resolve: #/components has no 'headers'", problem.Message);
    }

    [Fact]
    public void Every_dangling_reference_is_reported_and_no_model_is_built()
    {
        var yaml = SampleSpec.Edit(SampleSpec.Edit("$ref: '#/components/schemas/Order'", "$ref: '#/components/schemas/Ordr'"),
            "$ref: '#/components/schemas/BulkItem'", "$ref: 'other.yaml#/BulkItem'");

        var loaded = SpecLoader.Load(yaml, "spec.yaml", Directory.CreateTempSubdirectory().FullName);

        Assert.Null(loaded.Document);
        Assert.Collection(loaded.Problems,
            p => Assert.Contains("'#/components/schemas/Ordr' does not resolve", p.Message),
            p => Assert.Equal("$ref 'other.yaml#/BulkItem' names a file that does not exist (other.yaml)", p.Message));
    }

    [Fact]
    public void A_reference_that_is_not_a_pointer_is_refused()
    {
        var yaml = SampleSpec.Edit("$ref: '#/components/schemas/Order'", "$ref: '#Order'");

        Assert.Contains("is not a JSON pointer", Assert.Single(SpecLoader.Load(yaml, "spec.yaml").Problems).Message);
    }

    [Fact]
    public void Broken_yaml_is_located_by_line_and_column()
    {
        var yaml = SampleSpec.Edit("      operationId: get-thing\n", "      operationId: get-thing\n     broken: [\n");

        var problem = Assert.Single(SpecLoader.Load(yaml, "spec.yaml").Problems);

        Assert.StartsWith("spec.yaml(", problem.ToString());
        Assert.Contains("error VSPEC001: #: not valid YAML", problem.ToString());
        Assert.DoesNotContain("Lin:", problem.Message);
    }

    [Fact]
    public void The_repository_spec_is_valid_and_keeps_its_extensions()
    {
        var loaded = SpecLoader.Load(File.ReadAllText(RepositorySpec()), "openapi/voucherify-customers.yaml");

        Assert.Empty(loaded.Problems);
        var bulk = loaded.Document!.Paths["/v1/customers/bulk/async"].Operations![HttpMethod.Post];
        Assert.Equal("10485760", SpecDiff.Diff.Values.Extension(bulk.Extensions, "x-voucherify-max-request-bytes"));
        Assert.Equal("null", SpecDiff.Diff.Values.Extension(loaded.Document.Paths["/v1/customers"].Operations![HttpMethod.Get].Extensions, "x-voucherify-max-request-bytes"));
    }

    internal static string RepositorySpec()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Voucherify.sln"))) return Path.Combine(directory.FullName, "openapi", "voucherify-customers.yaml");
        throw new InvalidOperationException("The repository root (with Voucherify.sln) was not found above " + AppContext.BaseDirectory);
    }
}
