using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Voucherify.Sandbox;

namespace Voucherify.SandboxTests.Journal;

/// <summary>The request journal is bounded in bytes: a body is kept in part with its true size, and the oldest go first.</summary>
public sealed class JournalBoundsTests
{
    [Fact]
    public async Task A_refused_large_body_is_kept_in_part_with_the_size_its_client_declared()
    {
        await using var sandbox = await VoucherifySandbox.StartAsync(new VoucherifySandboxOptions { JournalBodyBytes = 1000 });
        using var http = Client(sandbox, "wrong-secret");
        var body = "[" + new string(' ', 1024 * 1024 - 2) + "]";

        using var response = await http.PostAsync("v1/customers/bulk/async", Json(body));
        var recorded = Assert.Single(sandbox.Requests);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal((401, 1000, 1024L * 1024, true), (recorded.StatusCode, recorded.Body!.Length, recorded.BodyLength, recorded.BodyTruncated));
        Assert.Equal(body[..1000], recorded.Body);
    }

    [Fact]
    public async Task A_body_within_the_limit_is_kept_whole_and_not_marked_truncated()
    {
        await using var sandbox = await VoucherifySandbox.StartAsync(new VoucherifySandboxOptions { JournalBodyBytes = 1000 });
        using var http = Client(sandbox, "sandbox-secret-key");

        using var response = await http.PostAsync("v1/customers", Json("""{"source_id":"small"}"""));
        var recorded = Assert.Single(sandbox.Requests);

        Assert.Equal(("""{"source_id":"small"}""", 21L, false), (recorded.Body, recorded.BodyLength, recorded.BodyTruncated));
    }

    [Fact]
    public async Task Beyond_its_byte_budget_the_journal_drops_the_oldest_requests()
    {
        const int BodyBytes = 64 * 1024, Budget = 1024 * 1024;
        await using var sandbox = await VoucherifySandbox.StartAsync(new VoucherifySandboxOptions { JournalBodyBytes = BodyBytes, JournalBytes = Budget });
        using var http = Client(sandbox, "wrong-secret");

        for (var i = 0; i < 40; i++)
        {
            using var response = await http.PostAsync($"v1/customers?n={i}", Json(new string('a', 200 * 1024)));
        }
        var kept = sandbox.Requests;

        // Each kept body is 64 KiB of text, two bytes a character in memory: at most 8 fit in 1 MiB, with their headers 7.
        Assert.InRange(kept.Count, 6, 8);
        Assert.Equal(Enumerable.Range(40 - kept.Count, kept.Count).Select(i => $"n={i}"), kept.Select(r => r.Query));
        Assert.All(kept, r => Assert.Equal((BodyBytes, 200L * 1024, true), (r.Body!.Length, r.BodyLength, r.BodyTruncated)));
    }

    private static HttpClient Client(VoucherifySandbox sandbox, string secret)
    {
        var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        http.DefaultRequestHeaders.Add("X-App-Id", "sandbox-app-id");
        http.DefaultRequestHeaders.Add("X-App-Token", secret);
        return http;
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}
