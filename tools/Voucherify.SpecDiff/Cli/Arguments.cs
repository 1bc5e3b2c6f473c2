namespace Voucherify.SpecDiff.Cli;

/// <summary>The command line, parsed; <see cref="Error"/> says what is wrong with it.</summary>
internal sealed record Arguments
{
    /// <summary>The usage text printed with an argument error.</summary>
    public const string Usage =
        "usage: spec-diff --base <git-ref> [--json FILE] [--spec PATH] [--changelog PATH] [--public-api DIR] [--repo DIR]\n" +
        "       spec-diff --validate SPEC.yaml [--format text|msbuild]";

    /// <summary>The git ref to compare the working tree with.</summary>
    public string? Base { get; private init; }

    /// <summary>Where to write the JSON report, if anywhere.</summary>
    public string? Json { get; private init; }

    /// <summary>The spec, relative to the repository root.</summary>
    public string Spec { get; private init; } = "openapi/voucherify-customers.yaml";

    /// <summary>The changelog whose Unreleased section acknowledges breaking changes, relative to the root.</summary>
    public string Changelog { get; private init; } = "CHANGELOG.md";

    /// <summary>The folder of the public-API baselines, relative to the root.</summary>
    public string PublicApi { get; private init; } = "tests/Voucherify.Tests/Sdk";

    /// <summary>A directory inside the repository (default: the current one).</summary>
    public string? Repo { get; private init; }

    /// <summary>Validate this spec file only (the build's check before NSwag).</summary>
    public string? Validate { get; private init; }

    /// <summary>
    /// How --validate reports: <c>text</c> (one canonical error line per problem) or <c>msbuild</c> (only the first
    /// problem, as <c>file TAB line TAB column TAB pointer: message</c>, for build/NSwag.targets to log as one error).
    /// </summary>
    public string Format { get; private init; } = "text";

    /// <summary>Why the command line cannot be run, or null.</summary>
    public string? Error { get; private init; }

    /// <summary>Parses <paramref name="args"/>.</summary>
    public static Arguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new Arguments();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count || args[i + 1].Length == 0)
                return new Arguments { Error = name.StartsWith("--", StringComparison.Ordinal) ? $"{name} needs a value" : $"unexpected argument '{name}'" };
            var value = args[++i];
            parsed = name switch
            {
                "--base" => parsed with { Base = value },
                "--json" => parsed with { Json = value },
                "--spec" => parsed with { Spec = value },
                "--changelog" => parsed with { Changelog = value },
                "--public-api" => parsed with { PublicApi = value },
                "--repo" => parsed with { Repo = value },
                "--validate" => parsed with { Validate = value },
                "--format" when value is "text" or "msbuild" => parsed with { Format = value },
                "--format" => new Arguments { Error = $"--format must be text or msbuild, not '{value}'" },
                _ => new Arguments { Error = $"unknown option '{name}'" },
            };
            if (parsed.Error is not null) return parsed;
        }
        if (parsed.Validate is null && parsed.Base is null) return new Arguments { Error = "--base <git-ref> is required" };
        if (parsed.Validate is not null && parsed.Base is not null) return new Arguments { Error = "--validate and --base cannot be combined" };
        return parsed;
    }
}
