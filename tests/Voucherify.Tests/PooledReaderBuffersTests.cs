using Voucherify.Serialization;

namespace Voucherify.Tests;

/// <summary>The JSON readers and writers borrow their character buffers from the shared pool and give them back.</summary>
public class PooledReaderBuffersTests
{
    [Fact]
    public void A_returned_buffer_is_the_next_one_lent_on_the_same_thread_and_a_missing_one_is_ignored()
    {
        var buffer = PooledChars.Instance.Rent(1000);
        Assert.True(buffer.Length >= 1000);

        PooledChars.Instance.Return(buffer);
        PooledChars.Instance.Return(null);

        Assert.Same(buffer, PooledChars.Instance.Rent(1000));
    }

    [Fact]
    public void The_response_reader_borrows_from_the_pool()
    {
        using var reader = new TypedDatesJsonReader(TextReader.Null);

        Assert.Same(PooledChars.Instance, reader.ArrayPool);
    }
}
