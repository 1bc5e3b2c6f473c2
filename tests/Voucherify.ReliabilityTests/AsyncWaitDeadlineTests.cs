using Microsoft.AspNetCore.Http;
using Voucherify.Testing;

namespace Voucherify.ReliabilityTests;

/// <summary>
/// <see cref="AsyncActionWaitOptions.Timeout"/> bounds the whole wait: a status poll still in flight at the deadline is
/// abandoned there, on a real socket whose server never answers it. The client runs on a <see cref="ControlledClock"/>,
/// so the deadline passes when the test says, not when a loaded machine gets round to it.
/// </summary>
public class AsyncWaitDeadlineTests
{
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan PollDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>Answers the first <paramref name="answered"/> polls with an in-progress job, then holds every later one open.</summary>
    private static RequestDelegate AnswersThenHangs(int answered, TaskCompletionSource hanging)
    {
        var polls = 0;
        return async context =>
        {
            if (Interlocked.Increment(ref polls) > answered)
            {
                hanging.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
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

    /// <summary>
    /// Lets the answered polls through (moving the clock by each poll delay the client starts), waits until the server
    /// holds a poll open, then moves the clock to one tick before the deadline (the wait must still be going) and onto it.
    /// </summary>
    private static async Task<(AsyncActionTimeoutException Error, TimeSpan Elapsed)> WaitUntilTheDeadlineAsync(int answered)
    {
        var hanging = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hostile = await HostileServer.StartAsync(AnswersThenHangs(answered, hanging));
        var clock = new ControlledClock();
        // Attempt and call timeouts far beyond the wait's, so only the wait's own deadline can end it.
        using var loopback = new LoopbackClient(hostile.BaseUri, configure: o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(8);
            o.CallTimeout = TimeSpan.FromSeconds(8);
            o.TimeProvider = clock;
        });
        var options = new AsyncActionWaitOptions { InitialDelay = PollDelay, MaxDelay = PollDelay, Timeout = WaitTimeout };
        var started = clock.GetTimestamp();

        var waiting = loopback.Client.AsyncActions.WaitForCompletionAsync("aa_1", options);
        for (var poll = 1; poll <= answered; poll++) await clock.AdvanceWhenStartedAsync(PollDelay, poll);
        await hanging.Task.WaitAsync(TimeSpan.FromMinutes(1));
        clock.Advance(WaitTimeout - clock.GetElapsedTime(started) - TimeSpan.FromTicks(1));
        Assert.False(waiting.IsCompleted, "the wait ended before its deadline");
        clock.Advance(TimeSpan.FromTicks(1));

        var error = await Assert.ThrowsAsync<AsyncActionTimeoutException>(() => waiting);
        return (error, clock.GetElapsedTime(started));
    }

    [Fact]
    public async Task A_poll_in_flight_at_the_deadline_is_cut_there_and_the_wait_times_out()
    {
        var (error, elapsed) = await WaitUntilTheDeadlineAsync(answered: 2);

        Assert.Equal(WaitTimeout, elapsed); // not the 8 s call timeout the hanging poll would otherwise run into
        Assert.Equal(AsyncActionStatus.InProgress, error.LastSeen!.Status);
        Assert.Equal("aa_1", error.AsyncActionId);
    }

    [Fact]
    public async Task A_first_poll_that_never_answers_ends_at_the_deadline_with_no_state_seen()
    {
        var (error, elapsed) = await WaitUntilTheDeadlineAsync(answered: 0);

        Assert.Equal(WaitTimeout, elapsed);
        Assert.Null(error.LastSeen);
        Assert.Contains("no poll was answered", error.Message);
    }
}
