using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Voucherify.Testing;

/// <summary>
/// A clock that moves only when the test moves it, and tells the test when the client starts a timer on it (a retry
/// wait, a poll delay, an attempt or wait deadline), so the test advances time exactly when the client is waiting.
/// </summary>
/// <remarks>
/// The real-time bound of <see cref="TimerStartedAsync"/> is a safety net against a hang, never what decides a test.
/// </remarks>
public sealed class ControlledClock : FakeTimeProvider
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    private readonly object _gate = new();
    private readonly List<TimeSpan> _started = [];
    private readonly List<(TimeSpan Due, int Count, TaskCompletionSource Seen)> _waiters = [];
    private readonly Channel<TimeSpan> _unread = Channel.CreateUnbounded<TimeSpan>();

    public ControlledClock()
        : base(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>The due times of the timers started so far, in order.</summary>
    public IReadOnlyList<TimeSpan> StartedTimers
    {
        get
        {
            lock (_gate) return _started.ToArray();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        TaskCompletionSource[] reached;
        lock (_gate)
        {
            _started.Add(dueTime);
            _unread.Writer.TryWrite(dueTime);
            reached = _waiters.Where(w => Started(w.Due) >= w.Count).Select(w => w.Seen).ToArray();
            _waiters.RemoveAll(w => Started(w.Due) >= w.Count);
        }
        foreach (var waiter in reached) waiter.TrySetResult();
        return timer;
    }

    /// <summary>Completes once <paramref name="count"/> timers due <paramref name="due"/> after their start have been started in all.</summary>
    public async Task TimersStartedAsync(TimeSpan due, int count)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (Started(due) >= count) return;
            _waiters.Add((due, count, seen));
        }
        await seen.Task.WaitAsync(Patience);
    }

    /// <summary>Waits for the <paramref name="count"/>-th timer of <paramref name="due"/>, then moves the clock by exactly that.</summary>
    public async Task AdvanceWhenStartedAsync(TimeSpan due, int count)
    {
        await TimersStartedAsync(due, count);
        Advance(due);
    }

    /// <summary>The due time of the next timer started, in the order they were started (each one is returned once).</summary>
    public async Task<TimeSpan> NextTimerAsync() => await _unread.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    private int Started(TimeSpan due) => _started.Count(d => d == due);
}
