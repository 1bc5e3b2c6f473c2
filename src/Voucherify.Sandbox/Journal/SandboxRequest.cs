namespace Voucherify.Sandbox;

/// <summary>
/// One request the sandbox received, as <see cref="VoucherifySandbox.Requests"/> and <c>GET /_sandbox/requests</c>
/// report it: enough to assert exactly what a client sent.
/// </summary>
public sealed class SandboxRequest
{
    /// <summary>When the sandbox received it (by the sandbox's clock).</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The HTTP method, e.g. <c>POST</c>.</summary>
    public string Method { get; init; } = "";

    /// <summary>The path as sent, still percent-encoded, e.g. <c>/v1/customers/a%2Fb</c>.</summary>
    public string Path { get; init; } = "";

    /// <summary>The query string as sent, without the leading <c>?</c>; empty when there is none.</summary>
    public string Query { get; init; } = "";

    /// <summary>
    /// The operation the request reached, by its id in the API reference (e.g. <c>list-customers</c>); null when the
    /// path and method name no operation.
    /// </summary>
    public string? OperationId { get; init; }

    /// <summary>
    /// The request headers (names compared without regard to case; repeated headers joined with <c>, </c>). The secret
    /// (<c>X-App-Token</c>, <c>Authorization</c>) is replaced by <c>***</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The body as UTF-8 text, at most its first <see cref="VoucherifySandboxOptions.JournalBodyBytes"/> (64 KiB by
    /// default; see <see cref="BodyTruncated"/>); null for a request without a body and for a <c>multipart/form-data</c>
    /// one (see <see cref="Files"/>).
    /// </summary>
    public string? Body { get; init; }

    /// <summary>
    /// The body's size in bytes, also when <see cref="Body"/> is cut short: the bytes received, or the
    /// <c>Content-Length</c> the client declared when the sandbox stopped reading before the end (a refused request).
    /// </summary>
    public long BodyLength { get; init; }

    /// <summary>Whether <see cref="Body"/> holds only the start of the body (see <see cref="BodyLength"/> for its size).</summary>
    public bool BodyTruncated { get; init; }

    /// <summary>The file parts of a <c>multipart/form-data</c> body (the CSV import's <c>file</c>), by name and size.</summary>
    public IReadOnlyList<SandboxRequestFile> Files { get; init; } = [];

    /// <summary>The status code the sandbox answered; 0 when the connection closed before any answer (e.g. an injected reset).</summary>
    public int StatusCode { get; init; }

    /// <summary>The request's id (<c>v-…</c>), as error bodies and activity <c>group_id</c>s carry it.</summary>
    public string RequestId { get; init; } = "";
}
