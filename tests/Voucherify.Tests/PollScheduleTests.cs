namespace Voucherify.Tests;

/// <summary>
/// The delays <see cref="AsyncActionsClient.WaitForCompletionAsync"/> waits between polls, on exact clock values: backoff
/// while a job reports no progress, the linear estimate of its finish once it does, and both kept within the bounds.
/// </summary>
public class PollScheduleTests
{
    private static readonly TimeSpan Min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(60);

    private static PollSchedule Schedule(double backoffFactor = 2) =>
        new(new AsyncActionWaitOptions { InitialDelay = Min, MaxDelay = Max, BackoffFactor = backoffFactor });

    private static AsyncAction State(string status, int? progress) => new() { Status = status, Progress = progress };

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void Without_progress_the_delay_starts_at_the_initial_delay_and_grows_by_the_factor_up_to_the_maximum()
    {
        var schedule = Schedule(backoffFactor: 3);

        var delays = Enumerable.Range(0, 6).Select(i => schedule.NextDelay(State("ENQUEUED", 0), Seconds(i))).ToList();

        Assert.Equal([Seconds(1), Seconds(3), Seconds(9), Seconds(27), Seconds(60), Seconds(60)], delays);
    }

    [Fact]
    public void A_factor_of_one_polls_at_the_initial_delay_for_ever()
    {
        var schedule = Schedule(backoffFactor: 1);

        var delays = Enumerable.Range(0, 4).Select(i => schedule.NextDelay(State("ENQUEUED", 0), Seconds(i))).ToList();

        Assert.All(delays, delay => Assert.Equal(Min, delay));
    }

    [Theory]
    [InlineData(1e300)]
    [InlineData(double.PositiveInfinity)]
    public void A_huge_factor_jumps_to_the_maximum_and_stays_there(double factor)
    {
        var schedule = Schedule(factor);

        var delays = Enumerable.Range(0, 4).Select(i => schedule.NextDelay(State("ENQUEUED", 0), Seconds(i))).ToList();

        Assert.Equal([Min, Max, Max, Max], delays);
    }

    [Fact]
    public void Two_progress_samples_time_the_next_poll_for_the_extrapolated_finish()
    {
        var schedule = Schedule();
        schedule.NextDelay(State("IN_PROGRESS", 10), Seconds(1));

        // 20 points in 2 s, 70 points left: 7 s.
        var delay = schedule.NextDelay(State("IN_PROGRESS", 30), Seconds(3));

        Assert.Equal(Seconds(7), delay);
    }

    [Fact]
    public void The_estimate_uses_the_rate_between_the_last_two_samples_not_the_first()
    {
        var schedule = Schedule();
        schedule.NextDelay(State("IN_PROGRESS", 10), Seconds(1));
        schedule.NextDelay(State("IN_PROGRESS", 30), Seconds(3));

        // 30 points in 4 s since the previous poll, 40 points left: 5.33 s.
        var delay = schedule.NextDelay(State("IN_PROGRESS", 60), Seconds(7));

        Assert.Equal(TimeSpan.FromTicks(Seconds(4).Ticks * 40 / 30), delay);
    }

    [Theory]
    [InlineData(10, 11, 1, 60)]  // 1 point a second, 89 left: past the maximum
    [InlineData(10, 90, 1, 1)]   // 80 points in 1 s, 10 left: 0.125 s, under the minimum
    public void An_estimate_outside_the_bounds_is_clamped_to_them(int first, int second, double secondsBetween, double expectedSeconds)
    {
        var schedule = Schedule();
        schedule.NextDelay(State("IN_PROGRESS", first), Seconds(0));

        var delay = schedule.NextDelay(State("IN_PROGRESS", second), Seconds(secondsBetween));

        Assert.Equal(Seconds(expectedSeconds), delay);
    }

    [Theory]
    [InlineData("IN_PROGRESS", 30, 30)]   // no progress since the last poll
    [InlineData("IN_PROGRESS", 30, 20)]   // progress went backwards
    [InlineData("IN_PROGRESS", 30, 100)]  // reports 100 % but is not finished yet: no rate to extrapolate
    [InlineData("ENQUEUED", 30, 60)]      // progress outside IN_PROGRESS is not a job running
    [InlineData("PAUSED", 30, 60)]        // nor is an unknown status
    public void Without_a_usable_rate_the_backoff_decides(string secondStatus, int first, int second)
    {
        var schedule = Schedule(backoffFactor: 4);
        schedule.NextDelay(State("IN_PROGRESS", first), Seconds(1));

        var delay = schedule.NextDelay(State(secondStatus, second), Seconds(2));

        Assert.Equal(Seconds(4), delay);
    }

    [Fact]
    public void Progress_reported_outside_IN_PROGRESS_is_not_used_as_the_first_sample()
    {
        var schedule = Schedule(backoffFactor: 4);
        schedule.NextDelay(State("ENQUEUED", 10), Seconds(1));

        // Had the ENQUEUED 10 % counted, 20 points in 1 s with 70 left would give 3.5 s.
        var delay = schedule.NextDelay(State("IN_PROGRESS", 30), Seconds(2));

        Assert.Equal(Seconds(4), delay);
    }

    [Fact]
    public void A_job_without_a_progress_value_backs_off()
    {
        var schedule = Schedule(backoffFactor: 4);
        schedule.NextDelay(State("IN_PROGRESS", 10), Seconds(1));

        var delay = schedule.NextDelay(State("IN_PROGRESS", null), Seconds(2));

        Assert.Equal(Seconds(4), delay);
    }
}
