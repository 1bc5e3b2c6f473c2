using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Voucherify.ReliabilityTests;

/// <summary>
/// <see cref="AsyncActionWaitOptions.Timeout"/> bounds the whole wait: a status poll still in flight at the deadline is
/// abandoned there, on a real socket whose server never answers it.
/// </summary>
public class AsyncWaitDeadlineTests(ITestOutputHelper output)
{
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Answers the first <paramref name="answered"/> polls with an in-progress job, then holds every later one open.</summary>
    private static RequestDelegate AnswersThenHangs(int answered)
    {
        var polls = 0;
        return async context =>
        {
            if (Interlocked.Increment(ref polls) > answered)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                }
                return;
            }
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Samples.AsyncInProgress);
        };
    }

    private async Task<(AsyncActionTimeoutException Error, TimeSpan Elapsed)> WaitAgainstAsync(RequestDelegate server)
    {
        await using var hostile = await HostileServer.StartAsync(server);
        // Attempt and call timeouts far beyond the wait's, so only the wait's own deadline can end it early.
        using var loopback = new LoopbackClient(hostile.BaseUri, configure: o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(8);
            o.CallTimeout = TimeSpan.FromSeconds(8);
        });
        var options = new AsyncActionWaitOptions { InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(100), Timeout = WaitTimeout };
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<AsyncActionTimeoutException>(() => loopback.Client.AsyncActions.WaitForCompletionAsync("aa_1", options));
        output.WriteLine($"A {WaitTimeout.TotalSeconds:F0} s wait gave up after {clock.Elapsed.TotalSeconds:F2} s.");
        return (error, clock.Elapsed);
    }

    [Fact]
    public async Task A_poll_in_flight_at_the_deadline_is_cut_there_and_the_wait_times_out()
    {
        var (error, elapsed) = await WaitAgainstAsync(AnswersThenHangs(answered: 2));

        Assert.True(elapsed >= WaitTimeout - TimeSpan.FromMilliseconds(50), $"gave up early, after {elapsed}");
        // Well under the 8 s call timeout the hanging poll would otherwise run into (and under twice the timeout).
        Assert.True(elapsed < WaitTimeout + TimeSpan.FromSeconds(2), $"the wait took {elapsed}");
        Assert.Equal(AsyncActionStatus.InProgress, error.LastSeen!.Status);
        Assert.Equal("aa_1", error.AsyncActionId);
    }

    [Fact]
    public async Task A_first_poll_that_never_answers_ends_at_the_deadline_with_no_state_seen()
    {
        var (error, elapsed) = await WaitAgainstAsync(AnswersThenHangs(answered: 0));

        Assert.True(elapsed < WaitTimeout + TimeSpan.FromSeconds(2), $"the wait took {elapsed}");
        Assert.Null(error.LastSeen);
        Assert.Contains("no poll was answered", error.Message);
    }
}
