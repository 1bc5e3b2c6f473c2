namespace Voucherify.Sandbox.Tool;

/// <summary>What <c>voucherify-sandbox</c> exits with; scripts tell a mistake in their command line from a bad seed.</summary>
internal static class ExitCodes
{
    /// <summary>Stopped normally (Ctrl+C, SIGTERM, its parent gone with <c>--exit-with-parent</c>), or printed help or its version.</summary>
    public const int Success = 0;

    /// <summary>Something the tool did not expect; the one line says what (please report it).</summary>
    public const int Unexpected = 1;

    /// <summary>
    /// The command line cannot be run: an unknown option, a missing or malformed value, a seed path that is not a
    /// readable file, or a port that cannot be listened on (in use).
    /// </summary>
    public const int BadCommandLine = 2;

    /// <summary>The seed file was read but is not a valid seed (its path, JSON path and reason are printed).</summary>
    public const int InvalidSeed = 3;
}
