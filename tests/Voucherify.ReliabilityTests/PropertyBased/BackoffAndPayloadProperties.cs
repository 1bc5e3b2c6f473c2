using System.Net;
using CsCheck;
using Voucherify.Http;

namespace Voucherify.ReliabilityTests;

public class BackoffAndPayloadProperties
{
    [Fact]
    public void Backoff_grows_exponentially_stays_within_half_and_all_of_the_nominal_delay_and_respects_the_cap()
    {
        Gen.Select(Gen.Int[1, 200], Gen.Int[0, 5_000], Gen.Int[0, 60_000], Gen.Double[0, 0.999999])
            .Sample((retry, baseMs, extraMs, random) =>
            {
                var options = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(baseMs), MaxDelay = TimeSpan.FromMilliseconds(baseMs + extraMs) };
                var nominal = Math.Min(baseMs * Math.Pow(2, retry - 1), baseMs + extraMs);
                var delay = RetryDelay.Backoff(retry, options, random).TotalMilliseconds;
                Assert.InRange(delay, nominal / 2 - 0.001, nominal + 0.001);
                Assert.True(delay <= options.MaxDelay.TotalMilliseconds + 0.001);
            }, iter: 5000);
    }

    [Fact]
    public async Task Measured_size_equals_the_bytes_sent_for_any_items()
    {
        var text = Gen.String[Gen.Char.AlphaNumeric, 0, 40];
        var unicode = Gen.String[Gen.Char, 0, 40];
        var gen = Gen.Select(text, unicode, Gen.Int[0, 3]).Select((sourceId, name, copies) =>
            Enumerable.Range(0, copies + 1).Select(i => new CustomerBulkUpdateItem { SourceId = sourceId + i, Name = name }).ToArray());

        await gen.SampleAsync(async items =>
        {
            var transport = new ScriptedTransport { FallbackBody = Samples.AsyncStarted, FallbackStatus = HttpStatusCode.Accepted };
            using var client = transport.Client();
            await client.Customers.UpdateCustomersInBulkAsync(items);
            Assert.Equal(BulkPayload.MeasureJsonBytes(items), Assert.Single(transport.Attempts).Body.Length);
        }, iter: 500, threads: 1);
    }
}
