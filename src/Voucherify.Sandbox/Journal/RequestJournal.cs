namespace Voucherify.Sandbox.Journal;

/// <summary>
/// The last requests, oldest first, bounded twice: at most <c>capacity</c> entries and about <c>maxBytes</c> of memory
/// (<see cref="SizeOf"/>); the oldest are dropped when a new one would exceed either. A single request larger than
/// <c>maxBytes</c> is still kept, alone, so the newest request can always be read.
/// </summary>
internal sealed class RequestJournal(int capacity, long maxBytes)
{
    private readonly object _gate = new();
    private readonly Queue<(SandboxRequest Request, long Size)> _entries = new();
    private long _bytes;

    /// <summary>About how much memory the kept requests hold.</summary>
    public long Bytes
    {
        get { lock (_gate) return _bytes; }
    }

    public void Add(SandboxRequest request)
    {
        if (capacity == 0) return;
        var size = SizeOf(request);
        lock (_gate)
        {
            while (_entries.Count > 0 && (_entries.Count == capacity || _bytes + size > maxBytes))
                _bytes -= _entries.Dequeue().Size;
            _entries.Enqueue((request, size));
            _bytes += size;
        }
    }

    public IReadOnlyList<SandboxRequest> Snapshot()
    {
        lock (_gate) return _entries.Select(e => e.Request).ToArray();
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
            _bytes = 0;
        }
    }

    /// <summary>An estimate of the memory a recorded request holds: its strings (two bytes a character) and objects.</summary>
    public static long SizeOf(SandboxRequest request)
    {
        // The request object, its header dictionary, the strings' own headers: a few hundred bytes in all.
        const int FixedBytes = 512, PerStringBytes = 24, PerHeaderBytes = 48;
        long chars = request.Method.Length + request.Path.Length + request.Query.Length + request.RequestId.Length
            + (request.Body?.Length ?? 0) + (request.OperationId?.Length ?? 0);
        long bytes = FixedBytes + 6 * PerStringBytes;
        foreach (var (name, value) in request.Headers)
        {
            chars += name.Length + value.Length;
            bytes += PerHeaderBytes + 2 * PerStringBytes;
        }
        foreach (var file in request.Files) chars += file.Name.Length + (file.FileName?.Length ?? 0);
        return bytes + 2 * chars;
    }
}
