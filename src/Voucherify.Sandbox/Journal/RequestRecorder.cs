using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Voucherify.Sandbox.Customers;
using Voucherify.Sandbox.Hosting;

namespace Voucherify.Sandbox.Journal;

/// <summary>
/// The first middleware: records every API request in the <see cref="RequestJournal"/> as it is answered (before the
/// client can have the answer), with the secret masked and the body as the endpoint read it. The sandbox's own <c>/_sandbox/…</c> requests are not recorded.
/// </summary>
internal sealed class RequestRecorder(RequestJournal journal, SandboxClock clock, int keptBodyBytes)
{
    private static readonly object FilesKey = new();

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (AdminEndpoints.IsAdminPath(context.Request.Path))
        {
            await next(context);
            return;
        }
        var receivedAt = clock.Now();
        // A request that cannot have a body (a GET without Content-Length) is not wrapped: nothing to record or drain.
        var canHaveBody = context.Features.Get<IHttpRequestBodyDetectionFeature>() is not { CanHaveBody: false };
        var multipart = canHaveBody && context.Request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true;
        var body = canHaveBody ? new RecordingStream(context.Request.Body, multipart ? 0 : keptBodyBytes) : null;
        if (body is not null) context.Request.Body = body;
        var recorded = 0;

        // Recorded as the response starts (its status is final then), so that the entry is there before the client can
        // have the whole answer: a response with a Content-Length is complete on the wire before this middleware
        // returns, and a test that awaited its call reads the journal at once. A request no response started for (a
        // reset, a client that left, a 204 Kestrel sends after the pipeline) is recorded at the end.
        async Task RecordAsync()
        {
            if (Volatile.Read(ref recorded) != 0) return;
            // A client that asked before sending (Expect: 100-continue) and was refused sends nothing: reading would
            // solicit the body the refusal spares it.
            if (body is not null && !multipart && !context.RequestAborted.IsCancellationRequested && !ExpectsContinue(context.Request))
            {
                try
                {
                    await body.DrainAsync(context.RequestAborted);
                }
                catch (Exception e) when (e is IOException or BadHttpRequestException or OperationCanceledException)
                {
                    // A body cut off by the client, or over the bulk limit: the journal keeps what arrived.
                }
            }
            if (Interlocked.Exchange(ref recorded, 1) == 0) journal.Add(Describe(context, receivedAt, body, multipart));
        }

        context.Response.OnStarting(RecordAsync);
        try
        {
            await next(context);
        }
        catch (Exception e) when (e is IOException or BadHttpRequestException or OperationCanceledException)
        {
            // The client left or its body broke off; the failure boundary has answered what could be answered.
        }
        finally
        {
            await RecordAsync();
        }
    }

    /// <summary>Notes a multipart file part, which the endpoint streams and the recorder cannot see by itself.</summary>
    public static void NoteFile(HttpContext context, SandboxRequestFile file)
    {
        if (context.Items[FilesKey] is not List<SandboxRequestFile> files) context.Items[FilesKey] = files = [];
        files.Add(file);
    }

    private static bool ExpectsContinue(HttpRequest request) =>
        request.Headers.Expect.ToString().Contains("100-continue", StringComparison.OrdinalIgnoreCase);

    private static bool IsSecret(string header) =>
        header.Equals("X-App-Token", StringComparison.OrdinalIgnoreCase) || header.Equals("Authorization", StringComparison.OrdinalIgnoreCase);

    private static SandboxRequest Describe(HttpContext context, DateTimeOffset receivedAt, RecordingStream? body, bool multipart)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path + request.QueryString;
        var queryStart = target.IndexOf('?');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
            headers[name] = IsSecret(name) ? "***" : values.Count == 1 ? values[0] ?? "" : string.Join(", ", values.ToArray());
        return new SandboxRequest
        {
            ReceivedAt = receivedAt,
            Method = request.Method,
            Path = queryStart < 0 ? target : target[..queryStart],
            Query = queryStart < 0 ? "" : target[(queryStart + 1)..],
            OperationId = context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName,
            Headers = headers,
            Body = multipart || body is not { BytesRead: > 0 } ? null : Encoding.UTF8.GetString(body.Kept),
            // A body the sandbox stopped reading (a refused request) is as long as its client said it is.
            BodyLength = body is null ? 0 : body.Ended ? body.BytesRead : Math.Max(body.BytesRead, request.ContentLength ?? 0),
            BodyTruncated = body is not null && !multipart && (body.Truncated || !body.Ended && request.ContentLength > body.BytesRead),
            Files = context.Items[FilesKey] as List<SandboxRequestFile> ?? [],
            // A connection reset before the response (an injected fault, or the client leaving) answered nothing.
            StatusCode = context.Response.HasStarted || !context.RequestAborted.IsCancellationRequested ? context.Response.StatusCode : 0,
            RequestId = RequestIds.Of(context),
        };
    }
}
