namespace Voucherify.IntegrationTests.Infrastructure;

/// <summary>Records every poll synchronously (unlike <see cref="Progress{T}"/>, which posts to a thread pool).</summary>
internal sealed class ProgressRecorder : IProgress<AsyncAction>
{
    private readonly List<AsyncAction> _seen = [];

    public IReadOnlyList<AsyncAction> Seen
    {
        get { lock (_seen) return _seen.ToList(); }
    }

    public void Report(AsyncAction value)
    {
        lock (_seen) _seen.Add(value);
    }
}
