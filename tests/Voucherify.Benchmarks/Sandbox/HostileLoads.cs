using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Voucherify.Benchmarks.Sandbox;

/// <summary>
/// The hostile loads of issue 18 §3, over real sockets: each returns a line saying what it did. Sizes scale with
/// <c>scale</c> (1 = the issue's: a 50 MB page, 1 000 requests of 1 MiB, a 4.3 MB bulk body, a 130 MB CSV).
/// </summary>
internal static class HostileLoads
{
    public const string ProbeSourceId = "probe";

    /// <summary>A seed of 100 customers with <paramref name="metadataBytes"/> of metadata each, and the small probe customer.</summary>
    public static string WriteLargeCustomerSeed(string directory, int metadataBytes)
    {
        var path = Path.Combine(directory, "large-customers.json");
        using var file = new StreamWriter(path);
        var value = new string('x', metadataBytes / 10);
        file.Write("""{"customers":[{"source_id":"probe","name":"Probe","email":"probe@example.com"}""");
        for (var i = 0; i < 100; i++)
        {
            file.Write($$""",{"source_id":"large-{{i}}","metadata":{""");
            for (var k = 0; k < 10; k++) file.Write($"{(k == 0 ? "" : ",")}\"k{k}\":\"{value}\"");
            file.Write("}}");
        }
        file.Write("]}");
        return path;
    }

    /// <summary>Clients that ask for the large page (100 customers) and never read a byte of it, then leave.</summary>
    public static async Task<string> UnreadPagesAsync(StandaloneSandbox sandbox, int clients, TimeSpan hold)
    {
        var sockets = new List<Socket>();
        var request = Encoding.ASCII.GetBytes($"GET /v1/customers?limit=100 HTTP/1.1\r\nHost: x\r\nX-App-Id: {StandaloneSandbox.ApplicationId}\r\nX-App-Token: {StandaloneSandbox.SecretKey}\r\n\r\n");
        for (var i = 0; i < clients; i++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(sandbox.BaseUri.Host, sandbox.BaseUri.Port);
            await socket.SendAsync(request);
            sockets.Add(socket);
        }
        await Task.Delay(hold);
        foreach (var socket in sockets) socket.Dispose();
        return $"{clients} clients asked for the 100-customer page and read nothing for {hold.TotalSeconds:F0} s";
    }

    /// <summary>Requests with a wrong key pair and a large body, some at a time; then the journal read back once.</summary>
    public static async Task<string> RefusedBodiesAsync(StandaloneSandbox sandbox, int requests, int bodyBytes)
    {
        var body = new byte[bodyBytes];
        Array.Fill(body, (byte)' ');
        body[0] = (byte)'[';
        body[^1] = (byte)']';
        using (var refused = sandbox.Client(secret: "wrong-secret"))
        {
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
            {
                while (Interlocked.Increment(ref next) < requests)
                {
                    var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    using var response = await refused.PostAsync("v1/customers/bulk/async", content);
                }
            }));
        }
        using var http = sandbox.Client();
        var clock = Stopwatch.StartNew();
        using var journal = await http.GetAsync("_sandbox/requests", HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await journal.Content.ReadAsStreamAsync();
        var entries = 0;
        long bytes = 0;
        var buffer = new byte[64 * 1024];
        while (await stream.ReadAsync(buffer) is > 0 and var read) bytes += read;
        entries = (await http.GetStringAsync("_sandbox/requests")).Split("\"request_id\"").Length - 1;
        return $"{requests} refused requests of {bodyBytes / 1024} KiB; then GET /_sandbox/requests: {entries} entries, {bytes / 1024.0 / 1024:F1} MB in {clock.Elapsed.TotalMilliseconds:F0} ms";
    }

    /// <summary>One metadata bulk update naming enough new source_ids to make a body of about <paramref name="bodyBytes"/>.</summary>
    public static async Task<string> MetadataBulkAsync(StandaloneSandbox sandbox, int bodyBytes)
    {
        var ids = bodyBytes / 15; // "bulk-0000000", with its quotes and comma
        var json = new StringBuilder(bodyBytes + 100).Append("""{"metadata":{"tier":"gold","source":"bulk"},"source_ids":[""");
        for (var i = 0; i < ids; i++) json.Append(i == 0 ? "" : ",").Append("\"bulk-").Append(i.ToString("D7")).Append('"');
        json.Append("]}");
        using var http = sandbox.Client();
        var content = new StringContent(json.ToString(), Encoding.UTF8, "application/json");
        var size = content.Headers.ContentLength;
        using var started = await http.PostAsync("v1/customers/metadata/async", content);
        started.EnsureSuccessStatusCode();
        var status = await WaitForJobAsync(http, await started.Content.ReadAsStringAsync());
        return $"a metadata bulk update of {size / 1e6:F1} MB naming {ids} new customers: job {status}";
    }

    /// <summary>A CSV import of <paramref name="bytes"/> whose first data row opens a quote that is never closed, streamed as generated.</summary>
    public static async Task<string> UnclosedQuoteCsvAsync(StandaloneSandbox sandbox, long bytes)
    {
        using var http = sandbox.Client();
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(new Voucherify.SandboxTests.Memory.UnclosedQuoteCsv(bytes), 64 * 1024);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "unclosed.csv");
        using var started = await http.PostAsync("v1/customers/importCSV", form);
        started.EnsureSuccessStatusCode();
        var status = await WaitForJobAsync(http, await started.Content.ReadAsStringAsync());
        return $"a {bytes / 1e6:F0} MB CSV import with a quote never closed: job {status}";
    }

    private static async Task<string> WaitForJobAsync(HttpClient http, string started)
    {
        var id = JsonDocument.Parse(started).RootElement.GetProperty("async_action_id").GetString();
        while (true)
        {
            using var action = JsonDocument.Parse(await http.GetStringAsync($"v1/async-actions/{id}"));
            var status = action.RootElement.GetProperty("status").GetString();
            if (status is "DONE" or "FAILED")
                return action.RootElement.TryGetProperty("result", out var result) && result.TryGetProperty("message", out var message) ? $"{status} ({message.GetString()})" : status;
            await Task.Delay(250);
        }
    }
}
