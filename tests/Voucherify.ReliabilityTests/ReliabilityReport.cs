namespace Voucherify.ReliabilityTests;

/// <summary>
/// Writes measured tables into docs/reliability.md between marker comments, when the environment variable
/// <c>VOUCHERIFY_RELIABILITY_REPORT</c> names that file. Without it the tests only assert. Only the net10.0 build of
/// the tests writes, so the two target frameworks never race on the file.
/// </summary>
internal static class ReliabilityReport
{
    public const string Variable = "VOUCHERIFY_RELIABILITY_REPORT";

    public static void Replace(string section, string content)
    {
#if NET10_0_OR_GREATER
        var path = Environment.GetEnvironmentVariable(Variable);
#else
        string? path = null;
#endif
        if (string.IsNullOrEmpty(path)) return;
        var begin = $"<!-- {section}:begin -->";
        var end = $"<!-- {section}:end -->";
        lock (typeof(ReliabilityReport))
        {
            var text = File.ReadAllText(path);
            var from = text.IndexOf(begin, StringComparison.Ordinal);
            var to = text.IndexOf(end, StringComparison.Ordinal);
            if (from < 0 || to < from) throw new InvalidOperationException($"{path} has no '{begin}' … '{end}' markers.");
            File.WriteAllText(path, text.Substring(0, from + begin.Length) + "\n" + content.TrimEnd() + "\n" + text.Substring(to));
        }
    }
}
