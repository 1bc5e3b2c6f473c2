using System.Text;
using Voucherify.Http;

namespace Voucherify.Tests.Descriptors;

/// <summary>The staged response body (pooled 16 KB chunks) is the body, byte for byte, and is unreadable once disposed.</summary>
public class PooledBodyContentTests
{
    private static readonly HttpRequestMessage AnyRequest = new(HttpMethod.Get, "https://api.voucherify.io/v1/customers");

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16 * 1024)]
    [InlineData(16 * 1024 + 1)]
    [InlineData(100_003)]
    public async Task A_body_of_any_length_reads_back_exactly_with_its_headers(int length)
    {
        var body = new byte[length];
        new Random(length).NextBytes(body);
        var original = new ByteArrayContent(body);
        original.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = original };

        await PooledBodyContent.LoadAsync(response, AnyRequest, long.MaxValue, CancellationToken.None);

        Assert.IsType<PooledBodyContent>(response.Content);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(length, response.Content.Headers.ContentLength);
        using var read = new MemoryStream();
        await (await response.Content.ReadAsStreamAsync()).CopyToAsync(read, bufferSize: 7_001);
        Assert.Equal(body, read.ToArray());
    }

    [Theory]
    [InlineData(2048, false)]
    [InlineData(2048, true)]
    [InlineData(1, false)]
    public async Task Text_decodes_multi_byte_characters_split_across_chunks_and_drops_only_a_leading_bom(int readSize, bool bom)
    {
        // 16 KB chunks: shifting by one byte at a time puts every byte of the 2-, 3- and 4-byte sequences on a boundary.
        for (var shift = 0; shift < 4; shift++)
        {
            var text = new string('a', 16 * 1024 - 5 + shift) + "é€😀x\u00e9" + new string('z', 20_000) + "😀";
            var bytes = (bom ? new byte[] { 0xEF, 0xBB, 0xBF } : []).Concat(Encoding.UTF8.GetBytes(text)).ToArray();
            using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) };
            await PooledBodyContent.LoadAsync(response, AnyRequest, long.MaxValue, CancellationToken.None);

            using var reader = ((PooledBodyContent)response.Content).OpenText();
            var read = new StringBuilder();
            var buffer = new char[readSize];
            int n;
            while ((n = reader.Read(buffer, 0, readSize)) > 0) read.Append(buffer, 0, n);

            Assert.Equal(text, read.ToString());
        }
    }

    [Fact]
    public async Task Text_ending_inside_a_multi_byte_sequence_ends_with_a_replacement_character()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([(byte)'"', 0xE2, 0x82]) };
        await PooledBodyContent.LoadAsync(response, AnyRequest, long.MaxValue, CancellationToken.None);

        using var reader = ((PooledBodyContent)response.Content).OpenText();

        Assert.Equal("\"\uFFFD", reader.ReadToEnd());
    }

    [Theory]
    [InlineData(16 * 1024)]
    [InlineData(40_001)]
    public async Task Copying_the_staged_content_writes_the_body_once_and_only_its_length_of_the_last_chunk(int length)
    {
        var body = new byte[length];
        new Random(length).NextBytes(body);
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) };
        await PooledBodyContent.LoadAsync(response, AnyRequest, long.MaxValue, CancellationToken.None);

        // Buffering and copying go through the content's own serialization, not through its read stream.
        Assert.Equal(body, await response.Content.ReadAsByteArrayAsync());
        using var copy = new MemoryStream();
        await response.Content.CopyToAsync(copy);
        Assert.Equal(body, copy.ToArray());
    }

    [Fact]
    public async Task The_read_stream_is_read_only_forward_only_and_knows_its_length()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[20_000]) };
        await PooledBodyContent.LoadAsync(response, AnyRequest, long.MaxValue, CancellationToken.None);
        var stream = await response.Content.ReadAsStreamAsync();

        Assert.Equal((true, false, false, 20_000L), (stream.CanRead, stream.CanSeek, stream.CanWrite, stream.Length));
        Assert.Equal(100, stream.Read(new byte[100], 0, 100));
        Assert.Equal(100, stream.Position);
        Assert.Throws<NotSupportedException>(() => stream.Position = 0);
        Assert.Throws<NotSupportedException>(() => stream.Seek(0, SeekOrigin.Begin));
        Assert.Throws<NotSupportedException>(() => stream.SetLength(1));
        Assert.Throws<NotSupportedException>(() => stream.Write(new byte[1], 0, 1));
        stream.Flush();
        Assert.Equal(19_900, await stream.ReadAsync(new byte[30_000], 0, 30_000));
        Assert.Equal(0, stream.Read(new byte[1], 0, 1));
    }

    [Theory]
    [InlineData("a😀b")]
    [InlineData("a\0b\0")]  // the second character of a decoded pair is handed out even when it is U+0000
    public async Task Text_read_one_character_at_a_time_hands_out_both_characters_of_each_decoded_pair(string text)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(text)) };
        await PooledBodyContent.LoadAsync(response, AnyRequest, long.MaxValue, CancellationToken.None);
        using var reader = ((PooledBodyContent)response.Content).OpenText();

        var read = new List<int>();
        int c;
        while ((c = reader.Read()) != -1) read.Add(c);

        Assert.Equal(text.Select(ch => (int)ch), read);
        Assert.Equal(0, reader.Read(new char[4], 0, 0));
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_before_a_byte_is_read_and_a_longer_body_when_it_passes_the_limit()
    {
        var declared = new CountingReads(new byte[100]);
        using var declaredResponse = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(declared) };
        declaredResponse.Content.Headers.ContentLength = 100;
        var refused = await Assert.ThrowsAsync<VoucherifyResponseTooLargeException>(() => PooledBodyContent.LoadAsync(declaredResponse, AnyRequest, 99, CancellationToken.None));
        Assert.Equal((99L, 100L), (refused.LimitBytes, refused.DeclaredBytes));
        Assert.Equal(0, declared.Reads);

        using var exact = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new CountingReads(new byte[100])) };
        await PooledBodyContent.LoadAsync(exact, AnyRequest, 100, CancellationToken.None);
        Assert.Equal(100, exact.Content.Headers.ContentLength);

        using var longer = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new CountingReads(new byte[101])) };
        var cut = await Assert.ThrowsAsync<VoucherifyResponseTooLargeException>(() => PooledBodyContent.LoadAsync(longer, AnyRequest, 100, CancellationToken.None));
        Assert.Null(cut.DeclaredBytes);
        Assert.Equal("GET (unknown operation)", cut.Operation);
    }

    /// <summary>A body of unknown length (it cannot seek) that counts how often it is read.</summary>
    private sealed class CountingReads(byte[] body) : MemoryStream(body)
    {
        public int Reads { get; private set; }

        public override bool CanSeek => false;

        public override int Read(byte[] buffer, int offset, int count)
        {
            Reads++;
            return base.Read(buffer, offset, count);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Reads++;
            return base.ReadAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Reads++;
            return base.ReadAsync(buffer, cancellationToken);
        }
    }

    [Fact]
    public async Task Reading_after_the_response_is_disposed_fails_instead_of_reading_a_reused_chunk()
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[40_000]) };
        await PooledBodyContent.LoadAsync(response, AnyRequest, long.MaxValue, CancellationToken.None);
        var stream = await response.Content.ReadAsStreamAsync();
        var text = ((PooledBodyContent)response.Content).OpenText();

        response.Dispose();

        Assert.Throws<ObjectDisposedException>(() => stream.Read(new byte[10], 0, 10));
        Assert.Throws<ObjectDisposedException>(() => text.Read(new char[10], 0, 10));
    }

    [Fact]
    public async Task A_body_cut_mid_read_fails_the_load_with_the_transport_error()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new CutStream(20_000)) };

        await Assert.ThrowsAsync<IOException>(() => PooledBodyContent.LoadAsync(response, AnyRequest, long.MaxValue, CancellationToken.None));
    }

    /// <summary>Yields zeros, then fails as a reset connection does.</summary>
    private sealed class CutStream(int before) : MemoryStream
    {
        private int _left = before;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_left == 0) throw new IOException("Connection reset by peer");
            var n = Math.Min(count, _left);
            Array.Clear(buffer, offset, n);
            _left -= n;
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_left == 0) throw new IOException("Connection reset by peer");
            var n = Math.Min(buffer.Length, _left);
            buffer.Span[..n].Clear();
            _left -= n;
            return ValueTask.FromResult(n);
        }
    }
}
