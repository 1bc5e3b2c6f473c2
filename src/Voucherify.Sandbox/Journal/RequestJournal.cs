namespace Voucherify.Sandbox.Journal;

/// <summary>The last <c>capacity</c> requests, oldest first; the oldest is dropped when a new one would exceed it.</summary>
internal sealed class RequestJournal(int capacity)
{
    private readonly object _gate = new();
    private readonly Queue<SandboxRequest> _entries = new();

    public void Add(SandboxRequest request)
    {
        if (capacity == 0) return;
        lock (_gate)
        {
            if (_entries.Count == capacity) _entries.Dequeue();
            _entries.Enqueue(request);
        }
    }

    public IReadOnlyList<SandboxRequest> Snapshot()
    {
        lock (_gate) return _entries.ToArray();
    }

    public void Clear()
    {
        lock (_gate) _entries.Clear();
    }
}
