using System.Runtime.InteropServices;

namespace Voucherify.Sandbox.Tool;

/// <summary>
/// Notices that the process which started the tool has exited. `dotnet run` starts the server as a child and a SIGKILL
/// of `dotnet run` cannot be passed on, so without this the server stays orphaned on its port. On Linux and macOS an
/// orphan is re-parented (to init or a subreaper), so a parent process id other than the one recorded at start is the
/// signal; polling it is one system call every quarter second.
/// </summary>
internal sealed class ParentProcess
{
    private readonly int _id;

    private ParentProcess(int id) => _id = id;

    /// <summary>Whether the parent can be watched here.</summary>
    public static bool CanWatch => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    /// <summary>
    /// The parent as it is now. Recorded first thing in the process: a parent that dies while the server is still
    /// starting is noticed too, where recording it once the server listens would take the new parent for the original.
    /// </summary>
    public static ParentProcess Record() => new(CanWatch ? GetParentProcessId() : 0);

    /// <summary>Completes once the recorded parent has exited; cancelled with <paramref name="cancellationToken"/>.</summary>
    public async Task WhenGoneAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        if (GetParentProcessId() != _id) return;
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            if (GetParentProcessId() != _id) return;
        }
    }

    [DllImport("libc", EntryPoint = "getppid")]
    private static extern int GetParentProcessId();
}
