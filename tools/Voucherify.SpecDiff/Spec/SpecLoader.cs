using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;
using SharpYaml;
using SharpYaml.Serialization;
using Voucherify.SpecDiff.Diff;

namespace Voucherify.SpecDiff.Spec;

/// <summary>The parsed spec, or why it could not be used.</summary>
internal sealed record LoadedSpec(OpenApiDocument? Document, IReadOnlyList<SpecProblem> Problems);

/// <summary>
/// Reads a spec: YAML (SharpYaml, keeping line numbers), then every <c>$ref</c> checked, then the OpenAPI model
/// (Microsoft.OpenApi, whose reader keeps the x- extensions). Problems come back located, never as exceptions.
/// </summary>
internal static class SpecLoader
{
    /// <summary>Reads <paramref name="yaml"/>; <paramref name="file"/> names it in problems, <paramref name="directory"/> resolves references to other files.</summary>
    public static LoadedSpec Load(string yaml, string file, string? directory = null)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            return new LoadedSpec(null, [new SpecProblem(file, e.Start.Line + 1, e.Start.Column + 1, Pointer.Root, "not valid YAML: " + FirstLine(e.Message))]);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            return new LoadedSpec(null, [new SpecProblem(file, 1, 1, Pointer.Root, "the document is not a YAML mapping")]);

        var problems = ReferenceValidator.Check(root, file, directory).ToList();
        if (problems.Count > 0) return new LoadedSpec(null, problems);

        var result = OpenApiYamlReader.Read(YamlConverter.ToJsonNode(root), new Uri("file:///" + Path.GetFileName(file)), new OpenApiReaderSettings());
        foreach (var error in result.Diagnostic?.Errors ?? [])
        {
            var pointer = Pointer.Root + (error.Pointer ?? "");
            var (node, _, _) = YamlTree.Resolve(root, pointer);
            problems.Add(new SpecProblem(file, (node?.Start.Line ?? 0) + 1, (node?.Start.Column ?? 0) + 1, pointer, FirstLine(error.Message)));
        }
        return problems.Count > 0 || result.Document is null
            ? new LoadedSpec(null, problems.Count > 0 ? problems : [new SpecProblem(file, 1, 1, Pointer.Root, "not an OpenAPI document")])
            : new LoadedSpec(result.Document, []);
    }

    /// <summary>The first line of a parser's message, without SharpYaml's own position prefix (the problem has the position).</summary>
    private static string FirstLine(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text.Split('\n')[0], @"^\(Lin: [^)]*\)( - \(Lin: [^)]*\))?: ", "").Trim();
}
