namespace Voucherify.Sandbox;

/// <summary>
/// A seed the sandbox cannot load: names the seed (its file), the JSON path of the offending value and the reason.
/// Nothing of a seed that fails is loaded.
/// </summary>
public sealed class SandboxSeedException : Exception
{
    /// <summary>A seed problem at <paramref name="jsonPath"/>.</summary>
    /// <param name="origin">The seed's file path, or <c>seed</c> for one built in code.</param>
    /// <param name="jsonPath">Where the problem is, e.g. <c>$.customers[2].email</c>.</param>
    /// <param name="reason">What is wrong, in a sentence.</param>
    public SandboxSeedException(string origin, string jsonPath, string reason)
        : base($"{origin}: {jsonPath}: {reason}")
    {
        Origin = origin;
        JsonPath = jsonPath;
        Reason = reason;
    }

    /// <summary>The seed's file path, or <c>seed</c> for one built in code.</summary>
    public string Origin { get; }

    /// <summary>The JSON path of the offending value, e.g. <c>$.customers[2].email</c>.</summary>
    public string JsonPath { get; }

    /// <summary>What is wrong with it.</summary>
    public string Reason { get; }
}
