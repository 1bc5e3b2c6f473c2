using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Voucherify.ReadmeTests;

/// <summary>
/// Each library package ships a short README of its own that reads well on nuget.org: how to install it, a start whose
/// C# compiles (the snippet tests take every package README), and absolute links to the full documentation, since
/// nuget.org shows the README outside the repository, where relative links break.
/// </summary>
public sealed class PackageReadmeTests
{
    private static readonly string Root = ReadmeSnippet.RepositoryRoot();

    public static TheoryData<string> Packages() => new() { "Voucherify", "Voucherify.Csv", "Voucherify.Extensions.DependencyInjection" };

    private static string Property(string file, string name) =>
        XDocument.Load(file).Descendants(name).Select(e => e.Value).Single();

    [Theory]
    [MemberData(nameof(Packages))]
    public void The_package_packs_a_short_readme_of_its_own(string project)
    {
        var directory = Path.Combine(Root, "src", project);
        var csproj = XDocument.Load(Path.Combine(directory, project + ".csproj"));
        var readme = Path.Combine(directory, "README.md");

        Assert.True(File.Exists(readme), $"src/{project}/README.md is missing");
        Assert.Contains(csproj.Descendants("None"), item => (string?)item.Attribute("Include") == "README.md" && (string?)item.Attribute("Pack") == "true");
        var text = File.ReadAllText(readme);
        Assert.True(text.Length < 4096, $"src/{project}/README.md is {text.Length} characters: keep it short, link to the full docs");
        Assert.Contains($"dotnet add package {Property(Path.Combine(directory, project + ".csproj"), "PackageId")}", text);
        Assert.Contains("```csharp", text);
        Assert.DoesNotContain("dotnet run --project", text);
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Every_link_of_a_package_readme_is_absolute_and_it_points_to_the_full_docs(string project)
    {
        var text = File.ReadAllText(Path.Combine(Root, "src", project, "README.md"));
        var repository = Property(Path.Combine(Root, "Directory.Build.props"), "RepositoryUrl");

        var relative = Regex.Matches(text, @"\]\((?<target>[^)]*)\)").Select(m => m.Groups["target"].Value).Where(t => !t.StartsWith("https://", StringComparison.Ordinal)).ToList();
        Assert.Empty(relative);
        Assert.Contains(repository + "#", text);                         // a section of the repository's README
        Assert.Contains(repository + "/blob/main/CHANGELOG.md", text);
    }

    [Fact]
    public void Release_notes_point_to_the_changelog_which_has_an_unreleased_section()
    {
        var props = File.ReadAllText(Path.Combine(Root, "Directory.Build.props"));

        Assert.Contains("<PackageReleaseNotes>Changes in this and every version: $(RepositoryUrl)/blob/main/CHANGELOG.md</PackageReleaseNotes>", props);
        Assert.Contains("## [Unreleased]", File.ReadAllText(Path.Combine(Root, "CHANGELOG.md")));
    }
}
