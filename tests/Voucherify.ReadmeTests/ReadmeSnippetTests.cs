using Voucherify.Sandbox;

namespace Voucherify.ReadmeTests;

/// <summary>Every C# block of the READMEs compiles as pasted; the ones marked to run, run against the sandbox.</summary>
public sealed class ReadmeSnippetTests
{
    private static readonly IReadOnlyList<ReadmeSnippet> Snippets = ReadmeSnippet.Extract(ReadmeSnippet.RepositoryRoot());

    public static TheoryData<string> All() => new(Snippets.Select(s => s.ToString()));

    public static TheoryData<string> Runnable() => new(Snippets.Where(s => s.Kind == SnippetKind.Run).Select(s => s.ToString()));

    private static ReadmeSnippet Find(string id) => Snippets.Single(s => s.ToString() == id);

    /// <summary>
    /// What a snippet that reads configuration gets: the sandbox's key pair and address, as an app's command line
    /// (which overrides appsettings.json) would give them.
    /// </summary>
    private static string[] ConfigurationFor(VoucherifySandbox sandbox)
    {
        var options = sandbox.CreateClientOptions();
        return [$"--Voucherify:ApplicationId={options.ApplicationId}", $"--Voucherify:SecretKey={options.SecretKey}", $"--Voucherify:BaseUri={sandbox.BaseUri}"];
    }

    [Fact]
    public void Every_readme_has_its_csharp_blocks_found_and_some_run()
    {
        var files = Snippets.Select(s => s.File).Distinct().ToList();

        Assert.Contains("README.md", files);
        Assert.Contains("src/Voucherify.Sandbox/README.md", files);
        var root = ReadmeSnippet.RepositoryRoot();
        Assert.All(files, file => Assert.Equal(
            File.ReadAllLines(Path.Combine(root, file)).Count(line => line.TrimEnd() == "```csharp"),
            Snippets.Count(s => s.File == file)));
        Assert.Contains(Snippets, s => s.Kind == SnippetKind.Run && s.File == "README.md");
        Assert.Contains(Snippets, s => s.Kind == SnippetKind.Run && s.File == "src/Voucherify.Sandbox/README.md");
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Compiles_as_pasted(string id)
    {
        var snippet = Find(id);

        var (errors, _) = SnippetCompiler.Compile(snippet);

        Assert.True(errors.Count == 0, $"{snippet} does not compile:\n{string.Join("\n", errors)}\n\n{SnippetCompiler.SourceOf(snippet)}");
    }

    [Theory]
    [MemberData(nameof(Runnable))]
    public async Task Runs_against_the_sandbox(string id)
    {
        var snippet = Find(id);
        var (errors, assembly) = SnippetCompiler.Compile(snippet);
        Assert.Empty(errors);
        await using var sandbox = await VoucherifySandbox.StartAsync();

        await SnippetCompiler.RunAsync(assembly!, ConfigurationFor(sandbox)).WaitAsync(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task The_dependency_injection_snippet_starts_and_its_own_handler_sees_each_request()
    {
        var snippet = Assert.Single(Snippets, s => s.File == "README.md" && s.Code.Contains(".AddHttpMessageHandler<MyCorrelationHandler>()", StringComparison.Ordinal));
        Assert.Equal(SnippetKind.Run, snippet.Kind);
        var (errors, assembly) = SnippetCompiler.Compile(snippet);
        Assert.Empty(errors);
        await using var sandbox = await VoucherifySandbox.StartAsync();

        await SnippetCompiler.RunAsync(assembly!, ConfigurationFor(sandbox)).WaitAsync(TimeSpan.FromMinutes(1));

        var requests = sandbox.Requests;
        Assert.NotEmpty(requests);
        Assert.All(requests, request =>
        {
            Assert.True(request.Headers.TryGetValue("X-Correlation-Id", out var correlation), $"{request.Method} {request.Path} has no X-Correlation-Id");
            Assert.False(string.IsNullOrEmpty(correlation));
            Assert.InRange(request.StatusCode, 200, 299);
        });
    }

    [Fact]
    public void A_fragment_marker_names_what_it_assumes_and_an_unknown_marker_is_an_error()
    {
        string[] readme =
        [
            "<!-- snippet: fragment(voucherify) -->", "```csharp", "using Voucherify;", "", "await voucherify.Customers.GetCustomerAsync(\"x\");", "```",
            "<!-- snippet: runs -->", "```csharp", "```",
        ];

        var fragment = ReadmeSnippet.Extract("X.md", readme.Take(6).ToList()).Single();
        var unknown = Assert.Throws<FormatException>(() => ReadmeSnippet.Extract("X.md", readme).ToList());

        Assert.Equal((SnippetKind.Fragment, 2), (fragment.Kind, fragment.Line));
        Assert.Equal(["voucherify"], fragment.Assumes);
        Assert.Empty(SnippetCompiler.Compile(fragment).Errors);
        Assert.Contains("X.md:7", unknown.Message);
    }
}
