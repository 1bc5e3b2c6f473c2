using System.Globalization;
using Microsoft.AspNetCore.Http;
using Voucherify.Http;

namespace Voucherify.Sandbox.Hosting;

/// <summary>
/// Reads an operation's query parameters as its generated descriptor declares them (ranges, defaults, enum values),
/// collecting every problem so that one 400 can name them all. Asking for a parameter the operation does not declare
/// is a bug in the sandbox and throws.
/// </summary>
internal sealed class QueryReader(IQueryCollection query, OperationDescriptor operation)
{
    // Bit i: the operation's i-th declared parameter was asked for (a list declares a dozen at most; more would throw).
    private ulong _read;

    public List<string> Problems { get; } = [];

    /// <summary>The whole query, for what the spec cannot declare (the redeemables' nested <c>filters[…]</c>).</summary>
    public IQueryCollection Query => query;

    /// <summary>A declared parameter the request sends but nothing has read: one the sandbox would silently ignore.</summary>
    public string? SentButUnread()
    {
        var parameters = operation.QueryParameters;
        for (var i = 0; i < parameters.Count; i++)
            if ((_read & (1UL << i)) == 0 && query.ContainsKey(parameters[i].Name)) return parameters[i].Name;
        return null;
    }

    public string? Text(string name)
    {
        Declared(name);
        return Raw(name);
    }

    /// <summary>One of the wire values of the parameter's generated enum.</summary>
    public string? OneOf(string name)
    {
        var allowed = WireValues.Of(Declared(name).Type);
        var text = Raw(name);
        if (text is null || allowed.Contains(text)) return text;
        Problems.Add($"{name} must be one of {string.Join(", ", allowed)}");
        return null;
    }

    /// <summary>An integer within the declared range; the declared default when absent or invalid.</summary>
    public int Integer(string name)
    {
        var parameter = Declared(name);
        var min = parameter.Minimum ?? int.MinValue;
        var max = parameter.Maximum ?? int.MaxValue;
        var fallback = (int)(parameter.Default ?? throw new InvalidOperationException($"The spec gives {operation.Id}'s {name} no default."));
        if (Raw(name) is not { } text) return fallback;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return (int)value;
        Problems.Add($"{name} must be an integer from {min} to {max}");
        return fallback;
    }

    public DateTimeOffset? Instant(string name)
    {
        Declared(name);
        if (Raw(name) is not { } text) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)) return value;
        Problems.Add($"{name} must be an ISO 8601 date-time");
        return null;
    }

    /// <summary>Null when every parameter read so far was valid, else the problems in one sentence.</summary>
    public string? Problem => Problems.Count == 0 ? null : string.Join("; ", Problems);

    private string? Raw(string name) =>
        query.TryGetValue(name, out var values) && !string.IsNullOrEmpty(values.ToString()) ? values.ToString() : null;

    private ParameterDescriptor Declared(string name)
    {
        var parameters = operation.QueryParameters;
        for (var i = 0; i < parameters.Count && i < 64; i++)
        {
            if (parameters[i].Name != name) continue;
            _read |= 1UL << i;
            return parameters[i];
        }
        throw new InvalidOperationException($"{operation.Id} declares no query parameter '{name}' among the first 64 of the spec.");
    }
}
