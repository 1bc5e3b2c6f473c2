using System.Text;

namespace Voucherify.Tests;

/// <summary>
/// The wrapper the CSV import lends a caller's stream through: it reads, seeks and reports through to the caller's
/// stream, refuses to write, and never closes or flushes it.
/// </summary>
public class NonDisposingStreamTests
{
    private static readonly byte[] Bytes = "Source_id,Name\ns-1,Ann\n"u8.ToArray();

    /// <summary>A stream that counts the calls the wrapper must not forward.</summary>
    private sealed class WatchedStream(byte[] bytes) : MemoryStream(bytes, writable: true)
    {
        public int Flushes { get; private set; }

        public int Disposals { get; private set; }

        public override void Flush()
        {
            Flushes++;
            base.Flush();
        }

        protected override void Dispose(bool disposing)
        {
            Disposals++;
            base.Dispose(disposing);
        }
    }

    [Fact]
    public void Reports_the_inner_streams_readability_seekability_length_and_position()
    {
        var inner = new MemoryStream(Bytes) { Position = 3 };
        var stream = new NonDisposingStream(inner);

        Assert.True(stream.CanRead);
        Assert.True(stream.CanSeek);
        Assert.Equal(Bytes.Length, stream.Length);
        Assert.Equal(3, stream.Position);
        inner.Dispose();
        Assert.False(stream.CanRead);
        Assert.False(stream.CanSeek);
    }

    [Fact]
    public void Never_claims_to_be_writable_even_over_a_writable_stream()
    {
        var inner = new WatchedStream(Bytes.ToArray());
        Assert.True(inner.CanWrite);

        Assert.False(new NonDisposingStream(inner).CanWrite);
    }

    [Fact]
    public void Read_fills_the_requested_part_of_the_buffer_from_the_inner_stream()
    {
        var inner = new MemoryStream(Bytes);
        var stream = new NonDisposingStream(inner);
        var buffer = new byte[8];

        var read = stream.Read(buffer, 2, 5);

        Assert.Equal(5, read);
        Assert.Equal(new byte[] { 0, 0, (byte)'S', (byte)'o', (byte)'u', (byte)'r', (byte)'c', 0 }, buffer);
        Assert.Equal(5, inner.Position);
    }

    [Fact]
    public async Task ReadAsync_fills_the_requested_part_of_the_buffer_from_the_inner_stream()
    {
        var inner = new MemoryStream(Bytes) { Position = 15 };
        var stream = new NonDisposingStream(inner);
        var buffer = new byte[6];

#pragma warning disable CA1835 // the array overload is the one under test
        var read = await stream.ReadAsync(buffer, 1, 4, CancellationToken.None);
#pragma warning restore CA1835

        Assert.Equal(4, read);
        Assert.Equal("\0s-1,\0", Encoding.ASCII.GetString(buffer));
        Assert.Equal(19, inner.Position);
    }

    [Fact]
    public async Task ReadAsync_passes_the_cancellation_token_on()
    {
        var stream = new NonDisposingStream(new MemoryStream(Bytes));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

#pragma warning disable CA1835
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stream.ReadAsync(new byte[4], 0, 4, cancelled.Token));
#pragma warning restore CA1835
    }

    [Fact]
    public async Task CopyToAsync_copies_the_rest_of_the_inner_stream()
    {
        var stream = new NonDisposingStream(new MemoryStream(Bytes) { Position = 15 });
        var destination = new MemoryStream();

        await stream.CopyToAsync(destination, 4, CancellationToken.None);

        Assert.Equal("s-1,Ann\n", Encoding.ASCII.GetString(destination.ToArray()));
    }

    [Fact]
    public void Seek_and_position_move_the_inner_stream()
    {
        var inner = new MemoryStream(Bytes);
        var stream = new NonDisposingStream(inner);

        Assert.Equal(10, stream.Seek(10, SeekOrigin.Begin));
        Assert.Equal(10, inner.Position);
        Assert.Equal(Bytes.Length - 4, stream.Seek(-4, SeekOrigin.End));
        Assert.Equal(Bytes.Length - 4, inner.Position);
        Assert.Equal(Bytes.Length - 6, stream.Seek(-2, SeekOrigin.Current));
        stream.Position = 1;
        Assert.Equal(1, inner.Position);
    }

    [Fact]
    public void Flush_does_not_reach_the_inner_stream()
    {
        var inner = new WatchedStream(Bytes.ToArray());

        new NonDisposingStream(inner).Flush();

        Assert.Equal(0, inner.Flushes);
    }

    [Fact]
    public void Writing_and_resizing_are_refused_and_leave_the_inner_stream_untouched()
    {
        var inner = new WatchedStream(Bytes.ToArray());
        var stream = new NonDisposingStream(inner);

        Assert.Throws<NotSupportedException>(() => stream.Write([1, 2, 3], 0, 3));
        Assert.Throws<NotSupportedException>(() => stream.SetLength(1));

        Assert.Equal(Bytes, inner.ToArray());
        Assert.Equal(0, inner.Position);
    }

    [Fact]
    public void Disposing_the_wrapper_leaves_the_inner_stream_open()
    {
        var inner = new WatchedStream(Bytes.ToArray());

        new NonDisposingStream(inner).Dispose();

        Assert.Equal(0, inner.Disposals);
        Assert.True(inner.CanRead);
    }

    [Fact]
    public async Task A_stream_imported_once_can_be_rewound_and_imported_again()
    {
        using var t = new TestClient();
        t.Handler.When(HttpMethod.Post, TestClient.BaseUrl + "/v1/customers/importCSV")
            .RespondWithFixture(HttpStatusCode.Accepted, "AsyncActions/started-import.json");
        var stream = new WatchedStream(Bytes.ToArray());

        await t.Customers.ImportCustomersFromCsvAsync(stream, "a.csv");
        Assert.Equal(Bytes.Length, stream.Position);
        stream.Position = 0;
        await t.Customers.ImportCustomersFromCsvAsync(stream, "b.csv");

        Assert.Equal(0, stream.Disposals);
        Assert.Equal(0, stream.Flushes);
        Assert.Equal(2, t.Requests.Count);
        Assert.All(t.Requests, request => Assert.Equal(Bytes, Assert.Single(request.MultipartParts()).Body));
    }
}
