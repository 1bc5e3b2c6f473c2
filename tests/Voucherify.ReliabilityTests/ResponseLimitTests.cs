using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace Voucherify.ReliabilityTests;

/// <summary>Where <see cref="VoucherifyClientOptions.MaxResponseBytes"/> draws the line, on a real socket.</summary>
public sealed class ResponseLimitTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(Samples.Customer);

    private FaultServer _server = null!;

    public async Task InitializeAsync() => _server = await FaultServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_of_exactly_the_limit_is_read_and_one_byte_more_is_refused_without_retrying(bool declareLength)
    {
        var atLimit = _server.AddScenario((context, _) => WriteAsync(context, Body, declareLength));
        var overLimit = _server.AddScenario((context, _) => WriteAsync(context, Body, declareLength));

        using var fits = Client(atLimit, Body.Length);
        using var tooSmall = Client(overLimit, Body.Length - 1);

        var customer = await fits.Customers.GetCustomerAsync("cust_1");
        var error = await Assert.ThrowsAsync<VoucherifyResponseTooLargeException>(() => tooSmall.Customers.GetCustomerAsync("cust_1"));

        Assert.Equal("cust_1", customer.Id);
        Assert.Equal(Body.Length - 1, error.LimitBytes);
        Assert.Equal(declareLength ? Body.Length : null, error.DeclaredBytes);
        Assert.Equal("GET /v1/customers/{customerId}", error.Operation);
        Assert.Contains($"{Body.Length - 1} bytes", error.Message);
        Assert.Equal(1, overLimit.RequestsReceived);
    }

    [Fact]
    public async Task The_limit_counts_the_decompressed_bytes_of_a_gzip_body()
    {
        var padded = Encoding.UTF8.GetBytes(Samples.Customer.Replace("{\"id\"", new string(' ', 10_000) + "{\"id\""));
        var compressed = Gzip(padded);
        var scenario = _server.AddScenario((context, _) =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            return WriteAsync(context, compressed, declareLength: true);
        });
        using var client = Client(scenario, limit: padded.Length - 1);

        var error = await Assert.ThrowsAsync<VoucherifyResponseTooLargeException>(() => client.Customers.GetCustomerAsync("cust_1"));

        Assert.True(compressed.Length < error.LimitBytes, "The compressed body alone must fit, or the test proves nothing.");
        Assert.Null(error.DeclaredBytes);
    }

    [Fact]
    public async Task Running_out_of_memory_while_holding_a_body_is_reported_as_too_large_not_as_a_bare_OutOfMemoryException()
    {
        // Scripted, not a socket: a real OutOfMemoryException cannot be produced on demand without endangering the test host.
        var transport = new ScriptedTransport().Then((_, _) => Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK)
        {
            Content = new StreamContent(new OutOfMemoryAfterFirstRead(Body)),
        }));
        using var client = transport.Client();

        var error = await Record.ExceptionAsync(() => client.Customers.GetCustomerAsync("cust_1"));

        var tooLarge = Assert.IsType<VoucherifyResponseTooLargeException>(error);
        Assert.IsType<OutOfMemoryException>(tooLarge.InnerException);
        Assert.Contains("ran out of memory", tooLarge.Message);
        Assert.Single(transport.Attempts); // not retried
    }

    /// <summary>
    /// The default is chosen from the largest legitimate answer: a page of 100 customers, each with a full summary,
    /// ten loyalty and ten referral campaigns, an address and 30 metadata entries of 100 characters. It must pass, ten
    /// times over.
    /// </summary>
    [Fact]
    public async Task The_default_limit_holds_the_largest_legitimate_page_ten_times_over()
    {
        var page = Encoding.UTF8.GetBytes(LargestLegitimatePage());
        var scenario = _server.AddScenario((context, _) => WriteAsync(context, page, declareLength: false));
        using var client = Client(scenario, limit: null);

        var customers = await client.Customers.ListCustomersAsync(limit: 100);

        output.WriteLine($"A page of 100 full customers: {page.Length} bytes; default limit {client.Options.MaxResponseBytes} bytes.");
        Assert.Equal(100, customers.Customers!.Count);
        Assert.True(page.Length * 10L <= client.Options.MaxResponseBytes, $"{page.Length} bytes x 10 is over the default limit.");
    }

    private static string LargestLegitimatePage()
    {
        var customers = new JArray();
        for (var i = 0; i < 100; i++)
        {
            var customer = JObject.Parse(Samples.Customer);
            customer["id"] = $"cust_{i:D24}";
            customer["source_id"] = $"customer-{i:D6}@example.com";
            customer["address"] = new JObject { ["city"] = "Warsaw", ["state"] = "Mazovia", ["line_1"] = "Marszałkowska 142", ["line_2"] = "Floor 7", ["country"] = "Poland", ["postal_code"] = "00-061" };
            customer["summary"] = JObject.Parse("""{"redemptions":{"total_redeemed":2000,"total_failed":3,"total_succeeded":1997,"total_rolled_back":1,"total_rollback_failed":0,"total_rollback_succeeded":1,"gift":{"redeemed_amount":100000,"amount_to_go":25000},"loyalty_card":{"redeemed_points":12000,"points_to_go":3303}},"orders":{"total_amount":203900000,"total_count":2000,"average_amount":101950,"last_order_amount":3900,"last_order_date":"2022-07-26T14:59:52.814Z"}}""");
            var loyalty = new JObject();
            var referrals = new JArray();
            for (var c = 0; c < 10; c++)
            {
                loyalty[$"Loyalty campaign number {c}"] = new JObject { ["points"] = 100_000 + c, ["referred_customers"] = c };
                referrals.Add(new JObject { ["campaign_id"] = $"camp_{c:D24}", ["referrer_id"] = $"cust_{c:D24}", ["related_object_id"] = $"r_{c:D24}", ["related_object_type"] = "redemption", ["date"] = "2022-07-26T14:59:52.814Z" });
            }
            customer["loyalty"] = new JObject { ["points"] = 3303, ["referred_customers"] = 10, ["campaigns"] = loyalty };
            customer["referrals"] = new JObject { ["total"] = 10, ["campaigns"] = referrals };
            var metadata = new JObject();
            for (var m = 0; m < 30; m++) metadata[$"metadata_key_{m:D2}"] = new string('x', 100);
            customer["metadata"] = metadata;
            customers.Add(customer);
        }
        return new JObject { ["object"] = "list", ["data_ref"] = "customers", ["customers"] = customers, ["total"] = 100, ["has_more"] = true }.ToString(Newtonsoft.Json.Formatting.None);
    }

    private VoucherifyClient Client(FaultServer.Scenario scenario, long? limit)
    {
        var options = new VoucherifyClientOptions
        {
            ApplicationId = Samples.ApplicationId,
            SecretKey = Samples.SecretKey,
            BaseUri = _server.BaseUriOf(scenario),
        };
        if (limit is not null) options.MaxResponseBytes = limit.Value;
        return new VoucherifyClient(options); // the default transport: asks for compressed bodies and decompresses them
    }

    private static async Task WriteAsync(HttpContext context, byte[] body, bool declareLength)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        if (declareLength) context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }

    private static byte[] Gzip(byte[] data)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            gzip.Write(data);
        return compressed.ToArray();
    }

    /// <summary>Hands out the first bytes of a body, then fails as an allocation would when memory runs out.</summary>
    private sealed class OutOfMemoryAfterFirstRead(byte[] first) : MemoryStream(first)
    {
        private bool _readOnce;

        public override int Read(byte[] buffer, int offset, int count) => Next() ?? base.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => Next() ?? base.Read(buffer);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Next() ?? base.Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Next() ?? base.Read(buffer.Span));

        private int? Next()
        {
            if (_readOnce) throw new OutOfMemoryException();
            _readOnce = true;
            return null;
        }
    }
}
