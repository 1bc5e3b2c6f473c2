using System.Collections.Concurrent;
using System.Threading.Channels;
using Voucherify.Sandbox.Customers;
using Voucherify.Sandbox.Hosting;

namespace Voucherify.Sandbox.Jobs;

/// <summary>
/// Runs async actions one at a time in the order they were queued, as the service's project queue does. Each waits
/// <see cref="VoucherifySandboxOptions.JobQueueDelay"/> after being queued, then spreads its items over
/// <see cref="VoucherifySandboxOptions.JobDuration"/> in up to <see cref="MaxSteps"/> steps, reporting progress after each.
/// All timing follows the sandbox's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class AsyncActionQueue : IAsyncDisposable
{
    private const int MaxSteps = 20;

    private readonly Channel<AsyncActionJob> _queue = Channel.CreateUnbounded<AsyncActionJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, AsyncActionJob> _jobs = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly SandboxClock _clock;
    private readonly TimeSpan _queueDelay;
    private readonly TimeSpan _duration;
    private readonly Task _worker;
    private DateTimeOffset _previousEnd = DateTimeOffset.MinValue;

    public AsyncActionQueue(SandboxClock clock, TimeSpan queueDelay, TimeSpan duration)
    {
        _clock = clock;
        _queueDelay = queueDelay;
        _duration = duration;
        _worker = Task.Run(() => RunAsync(_stopping.Token));
    }

    /// <summary>Queues the work and returns the new async action's id.</summary>
    public string Enqueue(JobWork work, string requestId)
    {
        var job = new AsyncActionJob(RequestIds.New("aa_"), work, requestId, _clock.Next());
        _jobs[job.Id] = job;
        _queue.Writer.TryWrite(job);
        return job.Id;
    }

    public AsyncAction? Get(string id) => _jobs.TryGetValue(id, out var job) ? job.Snapshot(_clock.Now()) : null;

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        try { await _worker; }
        catch (OperationCanceledException) { }
        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        await foreach (var job in _queue.Reader.ReadAllAsync(stopping))
        {
            // The schedule is computed, not measured: a job starts when its queue delay is over and the job before it
            // has ended, and takes exactly JobDuration, however late the worker (or a fake clock's Advance) runs.
            var started = Max(job.CreatedAt + _queueDelay, _previousEnd);
            await WaitUntilAsync(started, stopping);
            job.Start(started);
            var failed = job.Work.FatalProblem is not null;
            var ended = failed ? started : started + _duration;
            try
            {
                if (!failed) await ProcessAsync(job, started, stopping);
            }
            catch (Exception) when (!stopping.IsCancellationRequested)
            {
                // A bug in one job must not stall the queue; the job ends FAILED with what it had done.
                failed = true;
            }
            job.Finish(failed, ended);
            job.Work.Release();
            _previousEnd = ended;
        }
    }

    private async Task ProcessAsync(AsyncActionJob job, DateTimeOffset started, CancellationToken stopping)
    {
        var count = job.Work.Count;
        var steps = Math.Clamp(count, 1, MaxSteps);
        for (var step = 0; step < steps; step++)
        {
            var end = (int)((long)count * (step + 1) / steps);
            for (var i = (int)((long)count * step / steps); i < end; i++) job.Work.Process(i);
            job.Report(count == 0 ? 100 : end * 100 / count, _clock.Next());
            await WaitUntilAsync(started + _duration * (step + 1) / steps, stopping);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>
    /// Waits for an instant on the sandbox's clock. Steps are due at fixed instants, not after fixed pauses, so a
    /// test that moves a fake clock past the end of a job finishes the whole job at once.
    /// </summary>
    private async Task WaitUntilAsync(DateTimeOffset due, CancellationToken stopping)
    {
        var wait = due - _clock.Now();
        if (wait > TimeSpan.Zero) await Task.Delay(wait, _clock.Time, stopping);
    }
}
