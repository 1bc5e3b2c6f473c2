using System.Net;

namespace Voucherify.ReliabilityTests;

/// <summary>
/// The secret key is sent as X-App-Token and nowhere else: not in an exception message or ToString, not in a public
/// type's ToString, not in any other part of a recorded request. (The fault matrix and the parsing properties run the
/// same scan over every exception and request they produce.)
/// </summary>
public class SecretKeyTests
{
    [Fact]
    public async Task Secret_key_appears_in_no_exception_or_public_to_string_produced_by_failing_calls()
    {
        var transport = new ScriptedTransport()
            .Then(HttpStatusCode.TooManyRequests, Samples.RateLimited, r => { r.Headers.Add("Retry-After", "3600"); r.Headers.Add("X-Rate-Limit-Limit", "100"); })
            .ThenThrow(ScriptedTransport.Reset())
            .Then(HttpStatusCode.OK, "{not json")
            .Then(async (_, ct) => { await Task.Delay(TimeSpan.FromSeconds(30), ct); return new HttpResponseMessage(HttpStatusCode.OK); });
        // Long enough for a first call on a loaded machine (JIT included); the fourth answer never comes, so it still times out.
        using var client = transport.Client(o => { o.Retry.MaxAttempts = 1; o.AttemptTimeout = TimeSpan.FromMilliseconds(500); });
        var outputs = new List<string>
        {
            client.Options.ToString(),
            client.Options.Retry.ToString(),
        };

        var errors = new List<Exception?>
        {
            await Record.ExceptionAsync(() => client.Customers.GetCustomerAsync("cust_1")),
            await Record.ExceptionAsync(() => client.Customers.UpdateCustomersInBulkAsync(new[] { new CustomerBulkUpdateItem { SourceId = "a" } })),
            await Record.ExceptionAsync(() => client.Customers.ListCustomersAsync()),
            await Record.ExceptionAsync(() => client.Customers.GetCustomerAsync("cust_1")),
            await Record.ExceptionAsync(() => client.Customers.GetCustomerAsync(" ")),
            await Record.ExceptionAsync(() => client.Customers.ListCustomersAsync(limit: 1000)),
            await Record.ExceptionAsync(() => client.Customers.UpdateCustomersInBulkAsync(Array.Empty<CustomerBulkUpdateItem>())),
            Record.Exception(() => new VoucherifyClient(new VoucherifyClientOptions { ApplicationId = "a", SecretKey = Samples.SecretKey, BaseUri = new Uri("http://example.com") })),
        };
        outputs.Add(client.RateLimit!.ToString());

        Assert.All(errors, e => Assert.NotNull(e));
        Assert.Equal(new[] { typeof(VoucherifyApiException), typeof(VoucherifyNetworkException), typeof(VoucherifyApiException), typeof(VoucherifyTimeoutException) },
            errors.Take(4).Select(e => e!.GetType()));
        foreach (var error in errors) Samples.AssertNoSecret(error!);
        foreach (var output in outputs) Samples.AssertNoSecret(output, "a public ToString()");
        // Every attempt that left the client carried the key, in its header only.
        Assert.All(transport.Attempts, a => Assert.Equal(Samples.SecretKey, a.Token));
        Assert.All(transport.Attempts, a => Samples.AssertNoSecret(a.Uri + "\n" + System.Text.Encoding.UTF8.GetString(a.Body), "a request outside X-App-Token"));
    }
}
