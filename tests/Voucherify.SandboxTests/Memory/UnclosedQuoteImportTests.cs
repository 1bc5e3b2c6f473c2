using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using Voucherify.Sandbox;

namespace Voucherify.SandboxTests.Memory;

/// <summary>
/// A CSV whose first row opens a quote that is never closed makes the rest of the file one field. The sandbox reads
/// rows only up to a limit, so such a file fails its import job without the sandbox holding the file in memory.
/// </summary>
[Collection(nameof(MemoryMeasured))]
public sealed class UnclosedQuoteImportTests
{
    private const long FileBytes = 40 * 1024 * 1024;

    [Fact]
    public async Task A_large_file_with_a_quote_never_closed_fails_its_job_without_being_held_in_memory()
    {
        await using var sandbox = await VoucherifySandbox.StartAsync(new VoucherifySandboxOptions { JobQueueDelay = TimeSpan.Zero, JobDuration = TimeSpan.Zero });
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        http.DefaultRequestHeaders.Add("X-App-Id", "sandbox-app-id");
        http.DefaultRequestHeaders.Add("X-App-Token", "sandbox-secret-key");
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(new UnclosedQuoteCsv(FileBytes), 64 * 1024);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "unclosed.csv");
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);

        using var started = await http.PostAsync("v1/customers/importCSV", form);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        var id = (string?)JObject.Parse(await started.Content.ReadAsStringAsync())["async_action_id"];
        var action = await FinishedAsync(http, id!);

        Assert.Equal("FAILED", (string?)action["status"]);
        Assert.Contains("longer than 8 MiB", (string?)action["result"]!["message"]);
        // Read whole, the file's one field would cost several times the file (a growing buffer, then its text).
        Assert.True(allocated < FileBytes, $"the import allocated {allocated / 1024 / 1024} MB for a {FileBytes / 1024 / 1024} MB file");
    }

    private static async Task<JObject> FinishedAsync(HttpClient http, string id)
    {
        for (var i = 0; i < 200; i++)
        {
            var action = JObject.Parse(await http.GetStringAsync($"v1/async-actions/{id}"));
            if ((string?)action["status"] is "DONE" or "FAILED") return action;
            await Task.Delay(50);
        }
        throw new TimeoutException($"async action {id} did not finish");
    }
}
