namespace Voucherify.SpecDiff.Cli;

/// <summary>The process exit codes; each failure has its own, so CI can tell a breaking change from a broken run.</summary>
internal static class ExitCodes
{
    /// <summary>No breaking change, or every breaking change is acknowledged; in --validate mode, the spec is valid.</summary>
    public const int Ok = 0;

    /// <summary>At least one breaking API change is not acknowledged in CHANGELOG.md.</summary>
    public const int UnacknowledgedBreaking = 1;

    /// <summary>The command cannot run: bad arguments, a --base that names no commit, not a git work tree, a file that cannot be written.</summary>
    public const int UsageError = 2;

    /// <summary>A spec (at the base or in the working tree) is missing, not YAML, or has a dangling $ref.</summary>
    public const int InvalidSpec = 3;
}
