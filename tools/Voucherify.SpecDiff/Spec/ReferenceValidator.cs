using SharpYaml.Serialization;
using Voucherify.SpecDiff.Diff;

namespace Voucherify.SpecDiff.Spec;

/// <summary>
/// Every <c>$ref</c> must point at something. NSwag fails on a dangling one with a stack trace and exit code 255;
/// this names the file, the line, the pointer of the <c>$ref</c> and what is missing.
/// </summary>
internal static class ReferenceValidator
{
    /// <summary>The problems of every <c>$ref</c> in <paramref name="root"/>; <paramref name="directory"/> resolves references to other files (null: not checked).</summary>
    public static IEnumerable<SpecProblem> Check(YamlNode root, string file, string? directory)
    {
        foreach (var (pointer, node) in YamlTree.Walk(root))
        {
            if (!pointer.EndsWith("/$ref", StringComparison.Ordinal)) continue;
            var at = Pointer.Root + pointer[1..];
            if (node is not YamlScalarNode { Value: { } target })
            {
                yield return Problem(file, node, at, "$ref must be a string");
                continue;
            }
            var hash = target.IndexOf('#');
            var (document, fragment) = hash < 0 ? (target, "") : (target[..hash], target[hash..]);
            if (document.Length > 0)
            {
                if (directory is not null && !File.Exists(Path.Combine(directory, document)))
                    yield return Problem(file, node, at, $"$ref '{target}' names a file that does not exist ({document})");
                continue;   // another file's fragment is that file's business
            }
            if (fragment.Length > 1 && fragment[1] != '/')
            {
                yield return Problem(file, node, at, $"$ref '{target}' is not a JSON pointer (it must start with '#/')");
                continue;
            }
            var (resolved, found, missing) = YamlTree.Resolve(root, fragment);
            if (resolved is null)
                yield return Problem(file, node, at, $"$ref '{target}' does not resolve: {(found == Pointer.Root ? "the document" : found)} has no '{missing}'");
        }
    }

    private static SpecProblem Problem(string file, YamlNode node, string pointer, string message) =>
        new(file, node.Start.Line + 1, node.Start.Column + 1, pointer, message);
}
