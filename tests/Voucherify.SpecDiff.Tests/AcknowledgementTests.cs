using Voucherify.SpecDiff.Diff;

namespace Voucherify.SpecDiff.Tests;

/// <summary>Which CHANGELOG.md entries acknowledge which breaking changes.</summary>
public class AcknowledgementTests
{
    private const string Location = "#/components/parameters/limit/schema/maximum";

    private static string Changelog(string unreleased, string released = "") => $"""
        # Changelog

        ## [Unreleased]

        ### Changed
        {unreleased}

        ## [1.0.0] - 2026-01-01

        ### Removed
        {released}
        """;

    [Theory]
    [InlineData("- `#/components/parameters/limit/schema/maximum`: pages hold at most 50 now.")]
    [InlineData("- `/components/parameters/limit/schema/maximum`: the leading # may be left out.")]
    [InlineData("- `#/components/parameters/limit`: everything about the limit parameter.")]
    public void The_location_or_an_operation_or_component_above_it_in_the_unreleased_section_acknowledges(string entry) =>
        Assert.True(Acknowledgements.FromChangelog(Changelog(entry)).Cover(Location));

    [Theory]
    [InlineData("- `#/components/parameters`: too broad to mean anything.")]
    [InlineData("- `#/components`: too broad.")]
    [InlineData("- #/components/parameters/limit/schema/maximum without backticks")]
    [InlineData("- `#/components/parameters/limit/schema/max`: a different location.")]
    [InlineData("- `#/components/parameters/limitless`: a sibling whose name starts the same.")]
    public void Broad_unquoted_or_other_pointers_acknowledge_nothing(string entry) =>
        Assert.False(Acknowledgements.FromChangelog(Changelog(entry)).Cover(Location));

    [Fact]
    public void An_entry_under_a_released_version_acknowledges_nothing() =>
        Assert.False(Acknowledgements.FromChangelog(Changelog("", $"- `{Location}`: released long ago.")).Cover(Location));

    [Fact]
    public void No_changelog_or_no_unreleased_section_acknowledges_nothing()
    {
        Assert.False(Acknowledgements.FromChangelog(null).Cover(Location));
        Assert.False(Acknowledgements.FromChangelog($"# Changelog\n\n## [1.0.0]\n- `{Location}`\n").Cover(Location));
    }
}
