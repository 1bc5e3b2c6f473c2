namespace Voucherify.Sandbox.Tool;

/// <summary>
/// Walks a command line option by option: <c>--name value</c> or <c>--name=value</c>. A value is never taken from
/// the next option, so <c>--port --seed x</c> says that <c>--port</c> needs a value rather than reading <c>--seed</c>
/// as one.
/// </summary>
internal sealed class ArgumentReader(IReadOnlyList<string> args)
{
    private int _index = -1;
    private string? _inlineValue;

    /// <summary>The current option as written, without an <c>=value</c> part.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Moves to the next option; false at the end.</summary>
    public bool MoveNext()
    {
        if (++_index >= args.Count) return false;
        var arg = args[_index];
        var equals = arg.StartsWith("--", StringComparison.Ordinal) ? arg.IndexOf('=', StringComparison.Ordinal) : -1;
        (Name, _inlineValue) = equals > 2 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
        return true;
    }

    /// <summary>The current option's value: after <c>=</c>, or the next argument.</summary>
    /// <exception cref="CommandLineException">There is none.</exception>
    public string Value()
    {
        if (_inlineValue is { } inline)
        {
            _inlineValue = null;
            return inline;
        }
        if (_index + 1 >= args.Count || IsOption(args[_index + 1])) throw new CommandLineException($"{Name} needs a value.");
        return args[++_index];
    }

    /// <summary>Checks that a flag was not given a value (<c>--exit-with-parent=yes</c>).</summary>
    /// <exception cref="CommandLineException">It was.</exception>
    public void NoValue()
    {
        if (_inlineValue is not null) throw new CommandLineException($"{Name} takes no value.");
    }

    /// <summary>Whether an argument is an option (a name) rather than a value; <c>-1</c> is a value.</summary>
    public static bool IsOption(string arg) => arg.Length > 2 && arg.StartsWith("--", StringComparison.Ordinal);
}
