using System.Collections.Concurrent;
using System.Threading.Channels;
using Voucherify.Sandbox.Customers;
using Voucherify.Sandbox.Hosting;

namespace Voucherify.Sandbox.Jobs;

/// <summary>
/// Runs async actions one at a time in the order they were queued, as the service's project queue does. Each waits
/// <see cref="VoucherifySandboxOptions.JobQueueDelay"/> after being queued, then spreads its items over
/// <see cref="VoucherifySandboxOptions.JobDuration"/> in up to <see cref="MaxSteps"/> steps, reporting progress after each.
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

    public AsyncAction? Get(string id) => _jobs.TryGetValue(id, out var job) ? job.Snapshot() : null;

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
            var wait = job.CreatedAt + _queueDelay - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, stopping);
            job.Start(_clock.Next());
            try
            {
                var failed = job.Work.FatalProblem is not null;
                if (!failed) await ProcessAsync(job, stopping);
                job.Finish(failed, _clock.Next());
            }
            catch (Exception) when (!stopping.IsCancellationRequested)
            {
                // A bug in one job must not stall the queue; the job ends FAILED with what it had done.
                job.Finish(failed: true, _clock.Next());
            }
        }
    }

    private async Task ProcessAsync(AsyncActionJob job, CancellationToken stopping)
    {
        var count = job.Work.Count;
        var steps = Math.Clamp(count, 1, MaxSteps);
        var pause = _duration / steps;
        for (var step = 0; step < steps; step++)
        {
            var end = (int)((long)count * (step + 1) / steps);
            for (var i = (int)((long)count * step / steps); i < end; i++) job.Work.Process(i);
            job.Report(count == 0 ? 100 : end * 100 / count, _clock.Next());
            if (pause > TimeSpan.Zero) await Task.Delay(pause, stopping);
        }
    }
}
