using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Voucherify.Tests.Sdk;

/// <summary>Keeps every log event written through it: category, level, id, the formatted message and the structured values.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public sealed record Entry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> Values, Exception? Exception)
    {
        public object? this[string name] => Values.FirstOrDefault(v => v.Key == name).Value;

        /// <summary>Everything the event carries, as text, for scanning for secrets.</summary>
        public string AllText => Message + " " + string.Join(" ", Values.Select(v => $"{v.Key}={v.Value}")) + " " + Exception;
    }

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Entries.Enqueue(new Entry(category, logLevel, eventId, formatter(state, exception),
                state as IReadOnlyList<KeyValuePair<string, object?>> ?? Array.Empty<KeyValuePair<string, object?>>(), exception));
    }
}
