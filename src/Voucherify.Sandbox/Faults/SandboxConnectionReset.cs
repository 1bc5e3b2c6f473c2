namespace Voucherify.Sandbox;

/// <summary>Where a <see cref="SandboxFault"/> drops the connection.</summary>
public enum SandboxConnectionReset
{
    /// <summary>No reset: the request is answered.</summary>
    None,

    /// <summary>The connection is reset before any of the response is sent.</summary>
    BeforeResponse,

    /// <summary>
    /// The status, headers (with the full <c>Content-Length</c>) and the first half of the body are sent, then the
    /// connection is closed, so the client's read of the body fails part-way.
    /// </summary>
    MidBody,
}
