using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Voucherify.ReadmeTests;

/// <summary>
/// Compiles a README snippet the way a new console or web app would see it: C# latest, nullable on, the SDK's implicit
/// usings for a console app (nothing else: every other namespace must be in the snippet's own <c>using</c> lines), and
/// references to .NET, ASP.NET Core and the packages this test project references.
/// </summary>
public static class SnippetCompiler
{
    /// <summary>The implicit usings of <c>dotnet new console</c>.</summary>
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    /// <summary>The variables a fragment may assume, by the name its marker gives, and their types.</summary>
    public static readonly IReadOnlyDictionary<string, string> AssumableVariables = new Dictionary<string, string>
    {
        ["voucherify"] = "global::Voucherify.VoucherifyClient",
        ["options"] = "global::Voucherify.VoucherifyClientOptions",
        ["builder"] = "global::Microsoft.AspNetCore.Builder.WebApplicationBuilder",
        ["myHttpClient"] = "global::System.Net.Http.HttpClient",
        ["myHandler"] = "global::System.Net.Http.HttpMessageHandler",
    };

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>The program the snippet becomes: itself, or for a fragment its usings and a method around the rest.</summary>
    public static string SourceOf(ReadmeSnippet snippet)
    {
        if (snippet.Kind != SnippetKind.Fragment) return snippet.Code;
        var lines = snippet.Code.Split('\n');
        var usings = lines.TakeWhile(line => IsUsingDirective(line) || line.Trim().Length == 0).ToList();
        var body = lines.Skip(usings.Count);
        var parameters = snippet.Assumes.Select(name => AssumableVariables.TryGetValue(name, out var type)
            ? $"{type} {name}"
            : throw new InvalidOperationException($"{snippet}: the fragment assumes '{name}', which the extractor does not know; known: {string.Join(", ", AssumableVariables.Keys)}."));
        return string.Join("\n", usings) + "\n"
            + "await Fragment(" + string.Join(", ", snippet.Assumes.Select(_ => "default!")) + ");\n"
            + "static async global::System.Threading.Tasks.Task Fragment(" + string.Join(", ", parameters) + ")\n{\n"
            + "#line 1\n" + string.Join("\n", body) + "\n#line default\nawait global::System.Threading.Tasks.Task.CompletedTask;\n}\n";
    }

    /// <summary>Compiles the snippet; the errors (none when it compiles) and, when there are none, the assembly's bytes.</summary>
    public static (IReadOnlyList<Diagnostic> Errors, byte[]? Assembly) Compile(ReadmeSnippet snippet)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(ImplicitUsings, parse, "ImplicitUsings.cs"),
            CSharpSyntaxTree.ParseText(SourceOf(snippet), parse, snippet.ToString()),
        };
        var compilation = CSharpCompilation.Create(
            "Snippet_" + Guid.NewGuid().ToString("N"),
            trees,
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var output = new MemoryStream();
        var result = compilation.Emit(output);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return (errors, errors.Count == 0 ? output.ToArray() : null);
    }

    /// <summary>Loads the compiled snippet and runs its entry point with <paramref name="args"/>, to its end.</summary>
    public static async Task RunAsync(byte[] assembly, string[] args)
    {
        var loaded = AssemblyLoadContext.Default.LoadFromStream(new MemoryStream(assembly));
        var entryPoint = loaded.EntryPoint ?? throw new InvalidOperationException("The snippet has no entry point.");
        // The entry point blocks on the snippet's own awaits; run it off the test's thread.
        await Task.Run(() =>
        {
            try
            {
                entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? null : new object[] { args });
            }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            }
        });
    }

    private static bool IsUsingDirective(string line)
    {
        var trimmed = line.Trim();
        return trimmed.StartsWith("using ", StringComparison.Ordinal) && trimmed.EndsWith(';')
            && !trimmed.StartsWith("using var ", StringComparison.Ordinal) && !trimmed.Contains('(');
    }

    /// <summary>.NET and ASP.NET Core as the runtime has them, then every other assembly beside the tests (the packages).</summary>
    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var names = new HashSet<string>(platform.Select(Path.GetFileNameWithoutExtension)!, StringComparer.OrdinalIgnoreCase);
        var local = Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(path => names.Add(Path.GetFileNameWithoutExtension(path)) || platform.Contains(path))
            .Where(path => !Path.GetFileName(path).StartsWith("Voucherify.ReadmeTests", StringComparison.Ordinal));
        return platform.Concat(local).Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(path => !Path.GetFileName(path).StartsWith("Voucherify.ReadmeTests", StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
    }
}
