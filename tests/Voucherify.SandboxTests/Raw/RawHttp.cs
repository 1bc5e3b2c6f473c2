using System.Text;
using Voucherify.Sandbox;

namespace Voucherify.SandboxTests.Raw;

/// <summary>Whole requests written byte for byte to a sandbox, with its credentials, and their answers.</summary>
internal static class RawHttp
{
    /// <summary>How long any one raw exchange may take before the test fails: generous for a loaded machine, still bounded.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>
    /// A request head: the request line with <paramref name="target"/> exactly as given, <c>Host</c>, the sandbox's
    /// credentials, <c>Connection: close</c>, then <paramref name="headers"/> (each <c>Name: value</c>) and the blank line.
    /// </summary>
    public static string Head(VoucherifySandbox sandbox, string method, string target, params string[] headers)
    {
        var credentials = sandbox.CreateClientOptions();
        var head = new StringBuilder()
            .Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(sandbox.BaseUri.Authority).Append("\r\n")
            .Append("X-App-Id: ").Append(credentials.ApplicationId).Append("\r\n")
            .Append("X-App-Token: ").Append(credentials.SecretKey).Append("\r\n")
            .Append("Connection: close\r\n");
        foreach (var header in headers) head.Append(header).Append("\r\n");
        return head.Append("\r\n").ToString();
    }

    /// <summary>
    /// Sends <paramref name="method"/> <paramref name="target"/> with an optional JSON body (its true
    /// <c>Content-Length</c>) on a new connection and reads the answer; null when the connection closed unanswered.
    /// </summary>
    public static Task<RawResponse?> SendAsync(VoucherifySandbox sandbox, string method, string target, string? json = null, params string[] headers) =>
        json is null
            ? ExchangeAsync(sandbox, Encoding.UTF8.GetBytes(Head(sandbox, method, target, headers)))
            : SendAsync(sandbox, method, target, Encoding.UTF8.GetBytes(json), "application/json", headers);

    /// <summary>Sends a body of the given type with its true <c>Content-Length</c>; null when the connection closed unanswered.</summary>
    public static Task<RawResponse?> SendAsync(VoucherifySandbox sandbox, string method, string target, byte[] body, string contentType, params string[] headers)
    {
        var head = Head(sandbox, method, target, [.. headers, $"Content-Type: {contentType}", $"Content-Length: {body.Length}"]);
        return ExchangeAsync(sandbox, [.. Encoding.UTF8.GetBytes(head), .. body]);
    }

    /// <summary>
    /// Writes <paramref name="request"/> on a new connection and reads the answer. With <paramref name="endSending"/> the
    /// connection is half-closed after it, which Kestrel takes for the client leaving.
    /// </summary>
    public static async Task<RawResponse?> ExchangeAsync(VoucherifySandbox sandbox, byte[] request, bool endSending = false)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var connection = await RawConnection.OpenAsync(sandbox, timeout.Token);
        await connection.SendAsync(request, timeout.Token);
        if (endSending) connection.EndSending();
        return await connection.ReadResponseAsync(timeout.Token);
    }
}
