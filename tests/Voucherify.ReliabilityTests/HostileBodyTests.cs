using System.Diagnostics;
using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Voucherify.ReliabilityTests;

/// <summary>
/// Bodies meant to exhaust memory, streamed by a real server over loopback (generated as they are sent, never held
/// whole): the call must end with <see cref="VoucherifyResponseTooLargeException"/> at the default limit, and the
/// process must not grow by more than 64 MB beyond that limit.
/// </summary>
[Collection(MemoryCollection.Name)]
public sealed class HostileBodyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const long Gibibyte = 1024L * 1024 * 1024;
    private const long Allowance = 64L * 1024 * 1024;

    private static readonly long Limit = new VoucherifyClientOptions().MaxResponseBytes;

    private FaultServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FaultServer.StartAsync();
        // The first call pays for JIT and connection setup; measure only what the body costs.
        var warm = _server.AddScenario(Fault.None);
        using var client = Client(warm);
        await client.Customers.GetCustomerAsync("cust_1");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public Task An_endless_chunked_body_stops_at_the_limit() =>
        AssertRefusedWithinMemoryAsync("2 GiB chunked body", declaredBytes: null, (context, _) => StreamAsync(context, 2 * Gibibyte, contentLength: null));

    [Fact]
    public Task A_declared_10_GiB_content_length_is_refused_before_reading() =>
        AssertRefusedWithinMemoryAsync("10 GiB Content-Length", declaredBytes: 10 * Gibibyte, (context, _) => StreamAsync(context, 10 * Gibibyte, contentLength: 10 * Gibibyte));

    [Fact]
    public Task A_gzip_bomb_is_counted_decompressed_and_stops_at_the_limit() =>
        AssertRefusedWithinMemoryAsync("gzip bomb, 1 MB to 1 GiB", declaredBytes: null, (context, _) => GzipBombAsync(context));

    private async Task AssertRefusedWithinMemoryAsync(string scenarioName, long? declaredBytes, Func<HttpContext, string, Task> respond)
    {
        var scenario = _server.AddScenario(respond);
        using var client = Client(scenario);

        var baseline = PeakMemory.Baseline();
        var clock = Stopwatch.StartNew();
        var error = await Record.ExceptionAsync(() => client.Customers.ListCustomersAsync(limit: 100));
        clock.Stop();
        var growth = PeakMemory.Peak() - baseline;

        output.WriteLine($"{scenarioName}: failed after {clock.ElapsedMilliseconds} ms; peak growth {growth / (1024.0 * 1024):0.0} MB (limit {Limit / (1024 * 1024)} MiB).");
        var tooLarge = Assert.IsType<VoucherifyResponseTooLargeException>(error);
        Assert.Equal(Limit, tooLarge.LimitBytes);
        Assert.Equal(declaredBytes, tooLarge.DeclaredBytes);
        Assert.Equal("GET /v1/customers", tooLarge.Operation);
        Assert.Contains("MaxResponseBytes", tooLarge.Message);
        Assert.Equal(1, scenario.RequestsReceived); // not retried, though a GET may be
        Assert.True(growth < Limit + Allowance, $"The process grew by {growth / (1024 * 1024)} MB, more than the limit plus {Allowance / (1024 * 1024)} MB.");
    }

    private VoucherifyClient Client(FaultServer.Scenario scenario) =>
        // The default constructor: its transport asks for gzip, deflate and brotli, as in production.
        new(new VoucherifyClientOptions
        {
            ApplicationId = Samples.ApplicationId,
            SecretKey = Samples.SecretKey,
            BaseUri = _server.BaseUriOf(scenario),
            AttemptTimeout = TimeSpan.FromSeconds(60),
            CallTimeout = TimeSpan.FromSeconds(120),
        });

    /// <summary>Valid JSON (a list whose items are padded with whitespace) up to <paramref name="totalBytes"/>, sent as generated.</summary>
    private static async Task StreamAsync(HttpContext context, long totalBytes, long? contentLength)
    {
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.ContentLength = contentLength;
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)' ');
        try
        {
            await response.Body.WriteAsync("{\"object\":\"list\",\"customers\":["u8.ToArray(), context.RequestAborted);
            for (long sent = 0; sent < totalBytes; sent += chunk.Length)
                await response.Body.WriteAsync(chunk, context.RequestAborted);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client hung up, as it should.
        }
    }

    /// <summary>1 024 gzip members of 1 MiB of spaces each: about 1 MB on the wire, 1 GiB once decompressed.</summary>
    private static async Task GzipBombAsync(HttpContext context)
    {
        var member = GzipMember(1024 * 1024);
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.Headers.ContentEncoding = "gzip";
        response.ContentLength = member.Length * 1024L;
        try
        {
            for (var i = 0; i < 1024; i++)
                await response.Body.WriteAsync(member, context.RequestAborted);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
        }
    }

    private static byte[] GzipMember(int decompressedBytes)
    {
        var spaces = new byte[decompressedBytes];
        Array.Fill(spaces, (byte)' ');
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            gzip.Write(spaces);
        return compressed.ToArray();
    }
}
