using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Voucherify.Sandbox.Hosting;

/// <summary>Reads typed query parameters, collecting every problem so that one 400 can name them all.</summary>
internal sealed class QueryReader(IQueryCollection query)
{
    public List<string> Problems { get; } = [];

    public string? Text(string name) =>
        query.TryGetValue(name, out var values) && !string.IsNullOrEmpty(values.ToString()) ? values.ToString() : null;

    public string? OneOf(string name, IReadOnlyCollection<string> allowed)
    {
        var text = Text(name);
        if (text is null || allowed.Contains(text)) return text;
        Problems.Add($"{name} must be one of {string.Join(", ", allowed)}");
        return null;
    }

    public int Integer(string name, int min, int max, int fallback)
    {
        if (Text(name) is not { } text) return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        Problems.Add($"{name} must be an integer from {min} to {max}");
        return fallback;
    }

    public DateTimeOffset? Instant(string name)
    {
        if (Text(name) is not { } text) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)) return value;
        Problems.Add($"{name} must be an ISO 8601 date-time");
        return null;
    }

    /// <summary>Null when every parameter read so far was valid, else the problems in one sentence.</summary>
    public string? Problem => Problems.Count == 0 ? null : string.Join("; ", Problems);
}
