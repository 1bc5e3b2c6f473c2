namespace Voucherify.SpecDiff.Spec;

/// <summary>A reason the spec cannot be used, located by file, line and JSON pointer.</summary>
internal sealed record SpecProblem(string File, int Line, int Column, string Pointer, string Message)
{
    /// <summary>
    /// One line in MSBuild's canonical error format, so a build shows it as the error it is (file, line, column,
    /// code) rather than as an exit code: <c>openapi/x.yaml(12,17): error VSPEC001: #/paths/…/$ref: …</c>.
    /// </summary>
    public override string ToString() => $"{File}({Line},{Column}): error VSPEC001: {Pointer}: {Message}";
}
