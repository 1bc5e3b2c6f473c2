using System.Net.Sockets;
using System.Text;
using Voucherify.Sandbox;

namespace Voucherify.SandboxTests.Memory;

/// <summary>
/// A client that asks for a large page and does not read it must not make the sandbox build the page: the response
/// goes out item by item as the client takes it, so an absent reader pins a bounded buffer, not the page.
/// </summary>
[Collection(nameof(MemoryMeasured))]
public sealed class UnreadResponseTests
{
    private const int Customers = 100, MetadataBytes = 200_000; // a 20 MB page

    [Fact]
    public async Task A_client_that_never_reads_a_large_page_makes_the_sandbox_allocate_a_small_part_of_it()
    {
        await using var sandbox = await VoucherifySandbox.StartAsync(new VoucherifySandboxOptions { Seed = LargeCustomers.Seed(Customers, MetadataBytes) });
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 16 * 1024 };
        await socket.ConnectAsync(sandbox.BaseUri.Host, sandbox.BaseUri.Port);
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);

        await socket.SendAsync(Encoding.ASCII.GetBytes($"GET /v1/customers?limit=100 HTTP/1.1\r\nHost: x\r\n{LargeCustomers.Credentials}\r\n"));
        var allocated = await AllocationsOnceSettledAsync(before);
        var received = await ReadToEndOfChunkedBodyAsync(socket);

        Assert.True(received > Customers * MetadataBytes, $"the page was {received} bytes");
        // Built whole, the page costs several times its size (UTF-16 text, then UTF-8); streamed, the part in flight.
        Assert.True(allocated < Customers * MetadataBytes / 4, $"the sandbox allocated {allocated / 1024 / 1024} MB for a client that read nothing");
    }

    /// <summary>The bytes allocated since <paramref name="before"/>, once they stop growing (or after 10 s).</summary>
    private static async Task<long> AllocationsOnceSettledAsync(long before)
    {
        var last = -1L;
        for (var i = 0; i < 40; i++)
        {
            await Task.Delay(250);
            var now = GC.GetTotalAllocatedBytes(precise: true) - before;
            // A stall: the sandbox waits for the client, allocating (almost) nothing.
            if (i >= 4 && now - last < 64 * 1024) return now;
            last = now;
        }
        return last;
    }

    private static async Task<long> ReadToEndOfChunkedBodyAsync(Socket socket)
    {
        var buffer = new byte[64 * 1024];
        var tail = new StringBuilder();
        long total = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token) is > 0 and var read)
        {
            total += read;
            tail.Append(Encoding.ASCII.GetString(buffer, Math.Max(0, read - 16), Math.Min(read, 16)));
            if (tail.Length > 64) tail.Remove(0, tail.Length - 64);
            if (tail.ToString().EndsWith("\r\n0\r\n\r\n", StringComparison.Ordinal)) break;
        }
        return total;
    }
}
