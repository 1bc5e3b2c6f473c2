namespace Voucherify.ContractTests.Infrastructure;

/// <summary>Where the contract tests find the repository's own files and the vendor's description.</summary>
internal static class RepositoryFiles
{
    /// <summary>Overrides the location of the vendor's description (for a checkout without <c>../shared</c> beside it).</summary>
    public const string OfficialDescriptionVariable = "VOUCHERIFY_OFFICIAL_DESCRIPTION";

    public static string Root { get; } = FindRoot();

    /// <summary><c>&lt;repo&gt;/../shared/reference/voucherify-official-customers.json</c>, where CI puts it.</summary>
    public static string OfficialDescription =>
        Environment.GetEnvironmentVariable(OfficialDescriptionVariable) is { Length: > 0 } overridden
            ? Path.GetFullPath(overridden)
            : Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference", "voucherify-official-customers.json"));

    /// <summary>The Prism executable that <c>npm ci</c> in <c>.ci/tools</c> installs (pinned in its lock file).</summary>
    public static string Prism => Path.Combine(Root, ".ci", "tools", "node_modules", ".bin", "prism");

    public static string ProjectSpec => Path.Combine(Root, "openapi", "voucherify-customers.yaml");

    public static string DriftAllowList => Path.Combine(Root, "openapi", "drift-allowlist.yaml");

    /// <summary>Why the vendor's description is unusable here, or null when it is present.</summary>
    public static string? MissingOfficialDescription() =>
        File.Exists(OfficialDescription)
            ? null
            : $"The vendor's description is not at {OfficialDescription} (CI provides ../shared; elsewhere set {OfficialDescriptionVariable}).";

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Voucherify.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"No Voucherify.sln above {AppContext.BaseDirectory}; the contract tests run from the repository.");
    }
}
