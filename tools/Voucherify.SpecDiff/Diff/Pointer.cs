namespace Voucherify.SpecDiff.Diff;

/// <summary>JSON pointers (RFC 6901) written as URI fragments: <c>#/paths/~1v1~1customers/get</c>.</summary>
internal static class Pointer
{
    /// <summary>The whole document.</summary>
    public const string Root = "#";

    /// <summary><paramref name="pointer"/> with one more reference token, escaped (<c>~</c> → <c>~0</c>, <c>/</c> → <c>~1</c>).</summary>
    public static string Append(string pointer, string token) =>
        pointer + "/" + token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary><paramref name="pointer"/> with several reference tokens.</summary>
    public static string Append(string pointer, params string[] tokens) => tokens.Aggregate(pointer, Append);

    /// <summary>The unescaped reference tokens of a pointer, with or without its leading <c>#</c>.</summary>
    public static IReadOnlyList<string> Tokens(string pointer)
    {
        var text = pointer.StartsWith('#') ? pointer[1..] : pointer;
        if (text.Length == 0) return [];
        if (text[0] != '/') throw new FormatException($"'{pointer}' is not a JSON pointer: it must start with '/' (or '#/').");
        return text[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
    }
}
