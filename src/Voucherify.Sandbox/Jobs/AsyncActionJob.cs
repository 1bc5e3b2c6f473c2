using Newtonsoft.Json.Linq;
using Voucherify.Sandbox.Hosting;

namespace Voucherify.Sandbox.Jobs;

/// <summary>One async action's state as it moves ENQUEUED → IN_PROGRESS → DONE or FAILED. Thread-safe.</summary>
internal sealed class AsyncActionJob(string id, JobWork work, string requestId, DateTimeOffset createdAt)
{
    private readonly object _gate = new();
    private DateTimeOffset? _startedAt;
    private DateTimeOffset? _finishedAt;
    private string _status = AsyncActionStatus.Enqueued;
    private int _progress;
    private DateTimeOffset _updatedAt;
    private JObject? _result;

    public string Id => id;

    public JobWork Work => work;

    public DateTimeOffset CreatedAt => createdAt;

    private DateTimeOffset UpdatedAt => _updatedAt == default ? createdAt : _updatedAt;

    public void Start(DateTimeOffset now)
    {
        lock (_gate)
        {
            _status = AsyncActionStatus.InProgress;
            _updatedAt = now;
            _startedAt = now;
        }
    }

    public void Report(int progress, DateTimeOffset now)
    {
        lock (_gate)
        {
            _progress = progress;
            _updatedAt = now;
        }
    }

    public void Finish(bool failed, DateTimeOffset now)
    {
        var result = JObject.FromObject(work.Result(now), SandboxJson.Serializer);
        lock (_gate)
        {
            _finishedAt = now;
            _status = failed ? AsyncActionStatus.Failed : AsyncActionStatus.Done;
            _progress = 100;
            _updatedAt = now;
            _result = result;
        }
    }

    /// <summary>The job as <c>GET /v1/async-actions/{id}</c> answers it at <paramref name="now"/> (for <c>processing_time</c>).</summary>
    public AsyncAction Snapshot(DateTimeOffset now)
    {
        lock (_gate)
        {
            var finished = _result is not null;
            return new AsyncAction
            {
                Id = id,
                Type = work.Type,
                Status = _status,
                OperationStatus = finished ? (_status == AsyncActionStatus.Done ? "SUCCESS" : "FAILED") : null,
                Result = _result?.DeepClone(),
                CreatedAt = createdAt,
                UpdatedAt = UpdatedAt,
                RequestId = requestId,
                ProcessingTime = _startedAt is { } started ? (int)((_finishedAt ?? now) - started).TotalMilliseconds : 0,
                Progress = _progress,
                Object = "async_action",
            };
        }
    }
}
