using Voucherify.Http;

namespace Voucherify.Sandbox.Faults;

/// <summary>
/// Whether a fault's operation id and path can match any request the sandbox serves, checked against the spec's
/// operations (the client's generated descriptors). A fault naming <c>get-customerz</c> or <c>/v1/customerz/*</c> would
/// never fire, and a test meant to exercise a failure would pass without one; so it is refused, listing what exists.
/// </summary>
internal static class FaultTargets
{
    private static readonly IReadOnlyList<OperationDescriptor> Operations = OperationCatalog.All;

    private static readonly string Known =
        $"Valid operation ids: {string.Join(", ", Operations.Select(o => o.Id))}; routes: {string.Join(", ", Operations.Select(o => o.Name))}.";

    /// <summary>Why no request can match <paramref name="operationId"/>, with the valid ids; null when an operation has it.</summary>
    public static string? OperationProblem(string operationId) =>
        Operations.Any(o => o.Id == operationId) ? null : $"No operation has the id '{operationId}'. {Known}";

    /// <summary>
    /// Why no request can match <paramref name="path"/> (as sent, percent-encoded; a trailing <c>*</c> matches any
    /// rest), with the valid routes; null when some operation's route can produce it.
    /// </summary>
    public static string? PathProblem(string path) =>
        Operations.Any(o => CanMatch(path, o.Route)) ? null : $"No operation's route matches the path '{path}'. {Known}";

    private static bool CanMatch(string path, string route)
    {
        var prefix = path.EndsWith('*');
        var segments = (prefix ? path[..^1] : path).Split('/');
        var template = route.Split('/');
        if (prefix ? segments.Length > template.Length : segments.Length != template.Length) return false;
        for (var i = 0; i < segments.Length; i++)
        {
            var parameter = template[i].StartsWith('{');
            // A prefix's last segment may be cut anywhere: the start of a literal, or of an id (even empty).
            var matches = prefix && i == segments.Length - 1
                ? parameter || template[i].StartsWith(segments[i], StringComparison.OrdinalIgnoreCase)
                : parameter ? segments[i].Length > 0 : template[i].Equals(segments[i], StringComparison.OrdinalIgnoreCase);
            if (!matches) return false;
        }
        return true;
    }
}
