namespace Voucherify.SpecDiff.Diff;

/// <summary>
/// Which way data flows through the changed element. The same edit means opposite things in the two directions:
/// a narrower range refuses some of what callers send (request) but only promises less variety in what they read
/// (response); a new enum value is accepted on a request but unknown to a caller reading a response.
/// </summary>
internal enum Direction
{
    /// <summary>The operation itself, or a fact of the SDK's contract (the x-voucherify-* values).</summary>
    Operation,

    /// <summary>What callers send: parameters and request bodies.</summary>
    Request,

    /// <summary>What callers read: response bodies and headers.</summary>
    Response,
}

internal static class DirectionRules
{
    /// <summary>The severity of accepting or promising less (a narrower range, a removed enum value, a new required member).</summary>
    public static Severity Narrowing(this Direction direction) =>
        direction == Direction.Response ? Severity.NonBreaking : Severity.Breaking;

    /// <summary>The severity of accepting or promising more (a wider range, a new enum value, a nullable type).</summary>
    public static Severity Widening(this Direction direction) =>
        direction == Direction.Request ? Severity.NonBreaking : Severity.Breaking;

    /// <summary>Lower-case name for the report and the JSON.</summary>
    public static string Text(this Direction direction) => direction.ToString().ToLowerInvariant();
}
