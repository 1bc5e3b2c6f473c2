namespace Voucherify.Sandbox.Tool;

/// <summary>
/// Reads <c>--seed FILE</c>. A path that is not a readable file is a mistake on the command line (exit 2); a file that
/// is read but is not a valid seed is a mistake in the file (exit 3), reported with its JSON path.
/// </summary>
internal static class SeedFile
{
    public static SandboxSeed Load(string path)
    {
        if (Directory.Exists(path)) throw new CommandLineException($"--seed: {path} is a directory, not a seed file.");
        if (!File.Exists(path)) throw new CommandLineException($"--seed: {path} does not exist.");
        try
        {
            return SandboxSeed.Load(path);
        }
        catch (SandboxSeedException e)
        {
            throw new CommandLineException($"The seed cannot be loaded: {e.Message}", ExitCodes.InvalidSeed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandLineException($"--seed: {path} cannot be read: {e.Message}");
        }
    }
}
