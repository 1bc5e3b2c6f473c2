using System.Text.Json;

namespace Voucherify.SpecDiff.Tests;

/// <summary>The command as CI and contributors run it: against a git ref, with its report, JSON and exit codes.</summary>
public sealed class CommandTests : IDisposable
{
    private const string Narrowed = "maximum: 99";
    private readonly TempRepository _repository = new();

    public CommandTests() =>
        _repository.Write(TempRepository.SpecPath, SampleSpec.Yaml)
            .Write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n\n### Added\n\n## [1.0.0]\n")
            .Commit("base");

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void No_change_exits_0_with_a_report_that_says_so()
    {
        var (code, output, error) = _repository.Run("--base", "HEAD");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("No change to the HTTP contract.", output);
        Assert.Contains("**No unacknowledged breaking change.**", output);
    }

    [Fact]
    public void An_unacknowledged_breaking_change_exits_1_and_the_report_says_how_to_acknowledge_it()
    {
        _repository.Write(TempRepository.SpecPath, SampleSpec.Edit(Narrowed, "maximum: 50"));

        var (code, output, _) = _repository.Run("--base", "HEAD");

        Assert.Equal(1, code);
        Assert.Contains("**1 breaking change is not acknowledged.**", output);
        Assert.Contains("| **breaking** | `list-things` | `#/paths/~1v1~1things/get/parameters/1/schema/maximum` | maximum-lowered | query parameter `page`: maximum 99 → 50;", output);
        Assert.Contains("- `#/paths/~1v1~1things/get/parameters/1/schema/maximum`: <what callers must do>", output);
    }

    [Fact]
    public void A_changelog_entry_naming_the_change_acknowledges_it_and_the_exit_code_is_0()
    {
        _repository.Write(TempRepository.SpecPath, SampleSpec.Edit(Narrowed, "maximum: 50"))
            .Write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n\n### Changed\n- `#/paths/~1v1~1things/get/parameters/1/schema/maximum`: pages stop at 50.\n");

        var (code, output, _) = _repository.Run("--base", "HEAD");

        Assert.Equal(0, code);
        Assert.Contains("| breaking (acknowledged) | `list-things` |", output);
    }

    [Fact]
    public void Additive_changes_alone_exit_0()
    {
        _repository.Write(TempRepository.SpecPath, SampleSpec.Edit(Narrowed, "maximum: 500"));

        var (code, output, _) = _repository.Run("--base", "HEAD");

        Assert.Equal(0, code);
        Assert.Contains("| non-breaking | `list-things` |", output);
    }

    [Theory]
    [InlineData("no-such-branch")]
    [InlineData("HEAD~5")]
    [InlineData("--upload-pack=touch")]
    public void A_base_that_does_not_resolve_is_exit_2_with_one_line_and_no_report(string reference)
    {
        var (code, output, error) = _repository.Run("--base", reference);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal($"spec-diff: --base '{reference}' does not resolve to a commit in {_repository.Root}", error.TrimEnd());
    }

    [Theory]
    [InlineData(new string[0], "spec-diff: --base <git-ref> is required")]
    [InlineData(new[] { "--base" }, "spec-diff: --base needs a value")]
    [InlineData(new[] { "--base", "HEAD", "--colour", "red" }, "spec-diff: unknown option '--colour'")]
    [InlineData(new[] { "HEAD" }, "spec-diff: unexpected argument 'HEAD'")]
    [InlineData(new[] { "--base", "HEAD", "--validate", "x.yaml" }, "spec-diff: --validate and --base cannot be combined")]
    public void Bad_arguments_are_exit_2_with_the_problem_and_the_usage(string[] args, string message)
    {
        var (code, output, error) = _repository.Run(args);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith(message + Environment.NewLine + "usage: spec-diff --base <git-ref>", error);
    }

    [Fact]
    public void Outside_a_git_work_tree_is_exit_2()
    {
        var elsewhere = Directory.CreateTempSubdirectory("not-a-repo-").FullName;
        var (output, error) = (new StringWriter(), new StringWriter());

        var code = Cli.SpecDiffCommand.Run(["--base", "HEAD"], output, error, elsewhere);

        Assert.Equal(2, code);
        Assert.Contains("is not inside a git work tree", error.ToString());
    }

    [Fact]
    public void A_broken_working_tree_spec_is_exit_3_with_the_located_problem()
    {
        _repository.Write(TempRepository.SpecPath, SampleSpec.Edit("$ref: '#/components/schemas/Order'", "$ref: '#/components/schemas/Ordr'"));

        var (code, output, error) = _repository.Run("--base", "HEAD");

        Assert.Equal(3, code);
        Assert.Equal("", output);
        Assert.Matches(@"^openapi/voucherify-customers\.yaml\(\d+,\d+\): error VSPEC001: #/paths/~1v1~1things/get/parameters/2/schema/\$ref: \$ref '#/components/schemas/Ordr' does not resolve", error);
    }

    [Fact]
    public void A_spec_missing_at_the_base_counts_every_operation_as_new()
    {
        _repository.Write("README.md", "spec moved").Commit("before the spec");
        _repository.Git("rm", "-q", TempRepository.SpecPath);
        _repository.Commit("no spec");
        _repository.Write(TempRepository.SpecPath, SampleSpec.Yaml);

        var (code, output, _) = _repository.Run("--base", "HEAD");

        Assert.Equal(0, code);
        Assert.Contains("does not exist at `HEAD`: every operation counts as new.", output);
        Assert.Equal(4, output.Split('\n').Count(l => l.Contains("| operation-added |")));
    }

    [Fact]
    public void The_json_report_lists_every_change_with_location_change_severity_and_reason()
    {
        _repository.Write(TempRepository.SpecPath, SampleSpec.Edit("enum: [small, large]", "enum: [small, medium, large]"));
        var json = Path.Combine(_repository.Root, "report.json");

        var (code, _, _) = _repository.Run("--base", "HEAD", "--json", "report.json");

        Assert.Equal(1, code);
        var entries = JsonDocument.Parse(File.ReadAllText(json)).RootElement.EnumerateArray().ToList();
        Assert.All(entries, e =>
        {
            foreach (var name in new[] { "location", "change", "severity", "reason", "scope", "operations", "direction" })
                Assert.True(e.TryGetProperty(name, out _), $"{name} is missing in {e}");
        });
        // One entry per reader's name for the member (`kind`, `things[].kind`), all at the same definition.
        var breaking = entries.Where(e => e.GetProperty("severity").GetString() == "breaking").ToList();
        Assert.All(breaking, e =>
        {
            Assert.Equal("#/components/schemas/Thing/properties/kind/enum/1", e.GetProperty("location").GetString());
            Assert.Equal("enum-value-added", e.GetProperty("change").GetString());
            Assert.Equal("response", e.GetProperty("direction").GetString());
            Assert.False(e.GetProperty("acknowledged").GetBoolean());
        });
        Assert.Equal(["create-thing", "get-thing", "list-things"],
            breaking.SelectMany(e => e.GetProperty("operations").EnumerateArray().Select(o => o.GetString()!)).Order().ToArray());
        Assert.Contains(entries, e => e.GetProperty("severity").GetString() == "non-breaking" && e.GetProperty("direction").GetString() == "request");
    }

    [Fact]
    public void A_json_file_that_cannot_be_written_is_exit_2()
    {
        var (code, _, error) = _repository.Run("--base", "HEAD", "--json", Path.Combine(_repository.Root, "missing-folder", "report.json"));

        Assert.Equal(2, code);
        Assert.StartsWith("spec-diff: cannot write", error);
    }

    [Fact]
    public void The_public_api_baselines_are_compared_and_classified_for_csharp_callers()
    {
        _repository.Write(TempRepository.BaselinePath, """
            namespace Voucherify
            {
                public class Thing
                {
                    public Thing() { }
                    public string? Name { get; set; }
                    public int? Count { get; set; }
                }
            }
            """).Commit("baseline");
        _repository.Write(TempRepository.BaselinePath, """
            namespace Voucherify
            {
                public class Thing
                {
                    public Thing() { }
                    public string? Name { get; set; }
                    public long? Count { get; set; }
                    public string? Colour { get; set; }
                }
            }
            """);

        var (code, output, _) = _repository.Run("--base", "HEAD", "--json", "report.json");

        Assert.Equal(0, code);   // C# changes are reported, only API changes gate the exit code
        Assert.Contains("| **source-breaking** | Voucherify | `Voucherify.Thing.Count` | member-changed | `int? Count { get; set; }` → `long? Count { get; set; }`", output);
        Assert.Contains("| additive | Voucherify | `Voucherify.Thing.Colour` | member-added |", output);
        var entries = JsonDocument.Parse(File.ReadAllText(Path.Combine(_repository.Root, "report.json"))).RootElement.EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetProperty("scope").GetString() == "csharp" && e.GetProperty("location").GetString() == "csharp:Voucherify.Thing.Count"
                                      && e.GetProperty("severity").GetString() == "breaking" && e.GetProperty("package").GetString() == "Voucherify");
    }

    [Fact]
    public void Validate_mode_prints_one_canonical_error_line_per_problem_and_exits_3()
    {
        _repository.Write("broken.yaml", SampleSpec.Edit("$ref: '#/components/schemas/Thing'\n      responses", "$ref: '#/components/schemas/Thng'\n      responses"));

        var (code, output, _) = _repository.Run("--validate", "broken.yaml");

        Assert.Equal(3, code);
        var line = Assert.Single(output.TrimEnd().Split(Environment.NewLine));
        Assert.Matches($@"^{Regex(Path.Combine(_repository.Root, "broken.yaml"))}\(\d+,\d+\): error VSPEC001: #/paths/~1v1~1things/post/requestBody/content/application~1json/schema/\$ref: \$ref '#/components/schemas/Thng' does not resolve: #/components/schemas has no 'Thng'$", line);
    }

    [Fact]
    public void Validate_mode_for_the_build_prints_only_the_first_problem_as_tab_separated_fields()
    {
        var broken = SampleSpec.Edit(SampleSpec.Edit("$ref: '#/components/schemas/Order'", "$ref: '#/components/schemas/Ordr'"),
            "$ref: '#/components/schemas/BulkItem'", "$ref: '#/components/schemas/BulkItm'");
        _repository.Write("broken.yaml", broken);
        var file = Path.Combine(_repository.Root, "broken.yaml");

        var (code, output, _) = _repository.Run("--validate", "broken.yaml", "--format", "msbuild");

        Assert.Equal(3, code);
        Assert.Equal($"{file}\t27\t19\t#/paths/~1v1~1things/get/parameters/2/schema/$ref: $ref '#/components/schemas/Ordr' does not resolve: " +
                     $"#/components/schemas has no 'Ordr' (and 1 more: tools/spec-diff --validate {file}){Environment.NewLine}", output);
    }

    [Fact]
    public void Validate_mode_is_silent_and_exits_0_for_a_valid_spec() =>
        Assert.Equal((0, "", ""), _repository.Run("--validate", TempRepository.SpecPath));

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
