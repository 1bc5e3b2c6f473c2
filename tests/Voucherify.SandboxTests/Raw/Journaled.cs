using Voucherify.Sandbox;

namespace Voucherify.SandboxTests.Raw;

/// <summary>Reads the sandbox's journal from a test.</summary>
internal static class Journaled
{
    /// <summary>
    /// The one journaled request that matches, once it is there. A request is journaled when the sandbox has finished
    /// with it, which can be just after the client saw its connection close; so this polls, within
    /// <see cref="RawHttp.Patience"/>.
    /// </summary>
    public static async Task<SandboxRequest> SingleAsync(VoucherifySandbox sandbox, Func<SandboxRequest, bool> match)
    {
        using var patience = new CancellationTokenSource(RawHttp.Patience);
        while (!sandbox.Requests.Any(match)) await Task.Delay(10, patience.Token);
        return Assert.Single(sandbox.Requests, r => match(r));
    }
}
