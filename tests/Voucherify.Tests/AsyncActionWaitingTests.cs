using System.Diagnostics;

namespace Voucherify.Tests;

/// <summary>AsyncActionsClient.WaitForCompletionAsync: polling until a final state, timeouts, cancellation, progress.</summary>
public class AsyncActionWaitingTests
{
    private const string Id = "aa_0a875d56c805df6601";
    private const string ActionPath = "/v1/async-actions/" + Id;

    private static AsyncActionWaitOptions FastPolling(IProgress<AsyncAction>? progress = null) => new()
    {
        InitialDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(20),
        Timeout = TimeSpan.FromSeconds(30),
        Progress = progress,
    };

    private static string State(string status, int progress) =>
        $$"""{"id":"{{Id}}","type":"CUSTOMERS.IMPORT_CSV","status":"{{status}}","progress":{{progress}},"object":"async_action"}""";

    [Fact]
    public async Task Polls_through_enqueued_and_in_progress_and_returns_the_done_state()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, ActionPath).RespondWithJson(HttpStatusCode.OK, State("ENQUEUED", 0));
        t.Expect(HttpMethod.Get, ActionPath).RespondWithJson(HttpStatusCode.OK, State("IN_PROGRESS", 50));
        t.Expect(HttpMethod.Get, ActionPath).RespondWithFixture(HttpStatusCode.OK, "AsyncActions/import-csv-done.json");

        var done = await t.AsyncActions.WaitForCompletionAsync(Id, FastPolling());

        t.Handler.VerifyNoOutstandingExpectation();
        Assert.Equal(3, t.Requests.Count);
        Assert.All(t.Requests, request => request.AssertSignedJsonRequest());
        Assert.Equal(AsyncActionStatus.Done, done.Status);
        Assert.Equal(100, done.Progress);
        Assert.Equal("1 customer(s) imported successfully, 2 failed.", done.GetImportCsvResult()!.Message);
    }

    [Fact]
    public async Task An_unknown_intermediate_status_is_waited_through()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, ActionPath).RespondWithJson(HttpStatusCode.OK, State("PAUSED", 10));
        t.Expect(HttpMethod.Get, ActionPath).RespondWithJson(HttpStatusCode.OK, State("DONE", 100));

        var done = await t.AsyncActions.WaitForCompletionAsync(Id, FastPolling());

        t.Handler.VerifyNoOutstandingExpectation();
        Assert.Equal(2, t.Requests.Count);
        Assert.Equal("DONE", done.Status);
    }

    [Fact]
    public async Task A_failed_job_is_returned_not_thrown_and_reports_failures()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, ActionPath).RespondWithJson(HttpStatusCode.OK,
            $$"""{"id":"{{Id}}","type":"CUSTOMERS.BULK_UPDATE","status":"FAILED","operation_status":"FAILED","progress":30}""");

        var failed = await t.AsyncActions.WaitForCompletionAsync(Id, FastPolling());

        Assert.Single(t.Requests);
        Assert.Equal(AsyncActionStatus.Failed, failed.Status);
        Assert.True(failed.IsFinished);
        Assert.True(failed.HasFailures);
    }

    [Fact]
    public async Task A_done_job_with_failed_rows_reports_failures()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, ActionPath).RespondWithFixture(HttpStatusCode.OK, "AsyncActions/import-csv-done.json");

        var done = await t.AsyncActions.WaitForCompletionAsync(Id, FastPolling());

        Assert.Equal(AsyncActionStatus.Done, done.Status);
        Assert.True(done.HasFailures);
    }

    [Fact]
    public async Task Giving_up_throws_a_timeout_carrying_the_last_state_seen()
    {
        using var t = new TestClient();
        t.Handler.When(HttpMethod.Get, TestClient.BaseUrl + ActionPath).RespondWithJson(HttpStatusCode.OK, State("IN_PROGRESS", 10));
        var options = FastPolling();
        // Long against the 10–20 ms poll interval, so even a first poll slowed by a loaded machine leaves room for more.
        options.Timeout = TimeSpan.FromSeconds(1);

        var error = await Assert.ThrowsAsync<AsyncActionTimeoutException>(() => t.AsyncActions.WaitForCompletionAsync(Id, options));

        Assert.Equal(Id, error.AsyncActionId);
        Assert.Equal(AsyncActionStatus.InProgress, error.LastSeen!.Status);
        Assert.Equal(10, error.LastSeen!.Progress);
        Assert.Contains(Id, error.Message);
        Assert.Contains("IN_PROGRESS", error.Message);
        Assert.DoesNotContain(TestClient.SecretKey, error.ToString());
        Assert.True(t.Requests.Count >= 2, $"expected several polls before giving up, saw {t.Requests.Count}");
        Assert.IsAssignableFrom<VoucherifyException>(error);
    }

    [Fact]
    public async Task Delays_between_polls_grow_by_the_backoff_factor()
    {
        using var t = new TestClient();
        for (var i = 0; i < 3; i++) t.Expect(HttpMethod.Get, ActionPath).RespondWithJson(HttpStatusCode.OK, State("ENQUEUED", 0));
        t.Expect(HttpMethod.Get, ActionPath).RespondWithJson(HttpStatusCode.OK, State("DONE", 100));
        var seenAt = new TimedProgress();
        // No progress reported, so the backoff alone decides: 50 ms, then 200 ms, then 800 ms.
        var options = new AsyncActionWaitOptions
        {
            InitialDelay = TimeSpan.FromMilliseconds(50),
            MaxDelay = TimeSpan.FromSeconds(5),
            BackoffFactor = 4,
            Timeout = TimeSpan.FromSeconds(30),
            Progress = seenAt,
        };

        await t.AsyncActions.WaitForCompletionAsync(Id, options);

        // Lower bounds only: a loaded machine makes the gaps longer, never shorter. Without the factor all three are 50 ms.
        Assert.Equal(4, seenAt.Times.Count);
        Assert.True(seenAt.Times[2] - seenAt.Times[1] >= TimeSpan.FromMilliseconds(190), $"second delay {seenAt.Times[2] - seenAt.Times[1]}");
        Assert.True(seenAt.Times[3] - seenAt.Times[2] >= TimeSpan.FromMilliseconds(790), $"third delay {seenAt.Times[3] - seenAt.Times[2]}");
    }

    [Fact]
    public async Task A_timeout_longer_than_a_timer_can_hold_waits_without_a_deadline()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, ActionPath).RespondWithJson(HttpStatusCode.OK, State("DONE", 100));
        var options = FastPolling();
        options.Timeout = TimeSpan.FromDays(60);

        var done = await t.AsyncActions.WaitForCompletionAsync(Id, options);

        Assert.Equal(AsyncActionStatus.Done, done.Status);
    }

    [Fact]
    public async Task Cancelling_stops_the_wait_during_a_long_delay()
    {
        using var t = new TestClient();
        t.Handler.When(HttpMethod.Get, TestClient.BaseUrl + ActionPath).RespondWithJson(HttpStatusCode.OK, State("ENQUEUED", 0));
        var options = new AsyncActionWaitOptions { InitialDelay = TimeSpan.FromMinutes(1), MaxDelay = TimeSpan.FromMinutes(1) };
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => t.AsyncActions.WaitForCompletionAsync(Id, options, cancellation.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"cancellation took {clock.Elapsed}, not the one-minute delay");
        Assert.Single(t.Requests);
    }

    [Fact]
    public async Task Every_state_seen_is_reported_in_order()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, ActionPath).RespondWithJson(HttpStatusCode.OK, State("ENQUEUED", 0));
        t.Expect(HttpMethod.Get, ActionPath).RespondWithJson(HttpStatusCode.OK, State("IN_PROGRESS", 25));
        t.Expect(HttpMethod.Get, ActionPath).RespondWithJson(HttpStatusCode.OK, State("IN_PROGRESS", 75));
        t.Expect(HttpMethod.Get, ActionPath).RespondWithJson(HttpStatusCode.OK, State("DONE", 100));
        var seen = new RecordingProgress();

        await t.AsyncActions.WaitForCompletionAsync(Id, FastPolling(seen));

        Assert.Equal(
            ["ENQUEUED 0", "IN_PROGRESS 25", "IN_PROGRESS 75", "DONE 100"],
            seen.States.Select(state => $"{state.Status} {state.Progress}"));
    }

    [Fact]
    public async Task A_failing_poll_surfaces_the_api_error()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, ActionPath).RespondWithFixture(HttpStatusCode.NotFound, "Errors/not-found.json");

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => t.AsyncActions.WaitForCompletionAsync(Id, FastPolling()));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("not_found", error.Key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task A_blank_id_is_rejected_before_polling(string id)
    {
        using var t = new TestClient();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => t.AsyncActions.WaitForCompletionAsync(id, FastPolling()));

        Assert.Equal("asyncActionId", error.ParamName);
        Assert.StartsWith("The async action id must not be empty.", error.Message);
        Assert.Empty(t.Requests);
    }

    [Fact]
    public async Task Impossible_wait_options_are_rejected_before_polling()
    {
        using var t = new TestClient();

        var zeroDelay = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => t.AsyncActions.WaitForCompletionAsync(Id, new AsyncActionWaitOptions { InitialDelay = TimeSpan.Zero }));
        var maxBelowInitial = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => t.AsyncActions.WaitForCompletionAsync(Id, new AsyncActionWaitOptions { MaxDelay = TimeSpan.FromMilliseconds(1) }));
        var shrinking = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => t.AsyncActions.WaitForCompletionAsync(Id, new AsyncActionWaitOptions { BackoffFactor = 0.5 }));
        var noTime = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => t.AsyncActions.WaitForCompletionAsync(Id, new AsyncActionWaitOptions { Timeout = TimeSpan.Zero }));
        var notANumber = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => t.AsyncActions.WaitForCompletionAsync(Id, new AsyncActionWaitOptions { BackoffFactor = double.NaN }));

        Assert.Equal(
            ["InitialDelay", "MaxDelay", "BackoffFactor", "Timeout", "BackoffFactor"],
            new[] { zeroDelay, maxBelowInitial, shrinking, noTime, notANumber }.Select(error => error.ParamName));
        Assert.Equal(
            ["The initial delay must be positive.", "The maximum delay must be at least the initial delay.", "The backoff factor must be 1 or more.",
             "The timeout must be positive.", "The backoff factor must be 1 or more."],
            new[] { zeroDelay, maxBelowInitial, shrinking, noTime, notANumber }.Select(error => error.Message.Split(" (Parameter")[0]));
        Assert.Empty(t.Requests);
    }

    [Fact]
    public async Task A_backoff_factor_of_one_is_allowed_and_polls_at_a_constant_interval()
    {
        using var t = new TestClient();
        t.Expect(HttpMethod.Get, ActionPath).RespondWithJson(HttpStatusCode.OK, State("ENQUEUED", 0));
        t.Expect(HttpMethod.Get, ActionPath).RespondWithJson(HttpStatusCode.OK, State("DONE", 100));
        var options = FastPolling();
        options.BackoffFactor = 1;

        var done = await t.AsyncActions.WaitForCompletionAsync(Id, options);

        Assert.Equal(AsyncActionStatus.Done, done.Status);
        Assert.Equal(2, t.Requests.Count);
    }

    [Fact]
    public async Task A_delay_reaching_past_the_deadline_is_cut_there()
    {
        using var t = new TestClient();
        t.Handler.When(HttpMethod.Get, TestClient.BaseUrl + ActionPath).RespondWithJson(HttpStatusCode.OK, State("IN_PROGRESS", 10));
        var options = new AsyncActionWaitOptions { InitialDelay = TimeSpan.FromMinutes(1), MaxDelay = TimeSpan.FromMinutes(1), Timeout = TimeSpan.FromMilliseconds(300) };
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<AsyncActionTimeoutException>(() => t.AsyncActions.WaitForCompletionAsync(Id, options));

        // Far under the one-minute delay the wait would otherwise sleep through before noticing the deadline.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the wait took {clock.Elapsed}");
        Assert.Single(t.Requests);
        Assert.Equal(10, error.LastSeen!.Progress);
    }

    /// <summary>When each poll's answer arrived, on one clock.</summary>
    private sealed class TimedProgress : IProgress<AsyncAction>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public List<TimeSpan> Times { get; } = [];

        public void Report(AsyncAction value) => Times.Add(_clock.Elapsed);
    }

    /// <summary>Records synchronously (Progress&lt;T&gt; would post to the thread pool and race the assertions).</summary>
    private sealed class RecordingProgress : IProgress<AsyncAction>
    {
        public List<AsyncAction> States { get; } = [];

        public void Report(AsyncAction value) => States.Add(value);
    }
}
