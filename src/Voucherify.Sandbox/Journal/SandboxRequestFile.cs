namespace Voucherify.Sandbox;

/// <summary>A file part of a multipart request in the journal (<see cref="SandboxRequest.Files"/>).</summary>
public sealed class SandboxRequestFile
{
    /// <summary>The part's name, e.g. <c>file</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary>The file name the client gave, if any.</summary>
    public string? FileName { get; init; }

    /// <summary>The part's size in bytes.</summary>
    public long Length { get; init; }
}
