extern alias VoucherifyDI;

using System.Reflection;
using System.Text;
using PublicApiGenerator;
using Xunit.Sdk;

namespace Voucherify.Tests.Sdk;

/// <summary>
/// The public surface of every package, compared with the committed baseline next to this file. A change fails
/// with the lines added and removed; when it is intended, update the baseline and commit it with the change:
/// <c>UPDATE_PUBLIC_API=1 dotnet test tests/Voucherify.Tests --filter PublicApiTests</c>.
/// </summary>
public class PublicApiTests
{
    public static TheoryData<string> Packages => new() { "Voucherify", "Voucherify.Extensions.DependencyInjection", "Voucherify.Csv" };

    private static Assembly AssemblyOf(string package) => package switch
    {
        "Voucherify" => typeof(VoucherifyClient).Assembly,
        "Voucherify.Extensions.DependencyInjection" => typeof(VoucherifyDI::Voucherify.Extensions.DependencyInjection.VoucherifyServiceCollectionExtensions).Assembly,
        "Voucherify.Csv" => typeof(Voucherify.Csv.CustomerCsv).Assembly,
        _ => throw new ArgumentOutOfRangeException(nameof(package)),
    };

    [Theory]
    [MemberData(nameof(Packages))]
    public void Public_api_matches_the_approved_baseline(string package)
    {
        var actual = AssemblyOf(package).GeneratePublicApi(new ApiGeneratorOptions
        {
            IncludeAssemblyAttributes = false,
            // Not part of the surface: the generator's version stamp, and the compiler's names for async state machines
            // (they renumber whenever a method is added to the class).
            ExcludeAttributes = new[]
            {
                "System.CodeDom.Compiler.GeneratedCodeAttribute",
                "System.Runtime.CompilerServices.AsyncStateMachineAttribute",
                "System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute",
                "System.Runtime.CompilerServices.IteratorStateMachineAttribute",
            },
        }).ReplaceLineEndings("\n");
        var baselinePath = Path.Combine(RepositoryRoot(), "tests", "Voucherify.Tests", "Sdk", $"PublicApi.{package}.approved.txt");

        if (Environment.GetEnvironmentVariable("UPDATE_PUBLIC_API") == "1")
        {
            File.WriteAllText(baselinePath, actual);
            return;
        }

        var approved = File.Exists(baselinePath) ? File.ReadAllText(baselinePath).ReplaceLineEndings("\n") : string.Empty;
        if (approved != actual)
            throw new XunitException(
                $"The public API of {package} differs from {baselinePath}.\n{Diff(approved, actual)}\n" +
                "If the change is intended, update the baseline and commit it with the change:\n" +
                "  UPDATE_PUBLIC_API=1 dotnet test tests/Voucherify.Tests --filter PublicApiTests");
    }

    /// <summary>Removed lines (-) and added lines (+), in file order.</summary>
    private static string Diff(string approved, string actual)
    {
        var before = approved.Split('\n');
        var after = actual.Split('\n');
        var removed = before.Except(after).ToHashSet();
        var added = after.Except(before).ToHashSet();
        var text = new StringBuilder();
        foreach (var line in before.Where(removed.Contains)) text.Append("- ").AppendLine(line);
        foreach (var line in after.Where(added.Contains)) text.Append("+ ").AppendLine(line);
        return text.Length == 0 ? "(the same lines in a different order)" : text.ToString();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Voucherify.sln"))) return directory.FullName;
        throw new InvalidOperationException("The repository root (with Voucherify.sln) was not found above " + AppContext.BaseDirectory);
    }
}
