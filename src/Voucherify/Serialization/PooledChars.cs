using System.Buffers;
using Newtonsoft.Json;

namespace Voucherify.Serialization
{
    /// <summary>
    /// Lends Newtonsoft's readers their character buffers from <see cref="ArrayPool{T}.Shared"/>: without it every
    /// response allocates a fresh buffer (and more each time a long string makes it grow).
    /// </summary>
    internal sealed class PooledChars : IArrayPool<char>
    {
        public static PooledChars Instance { get; } = new PooledChars();

        public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

        public void Return(char[]? array)
        {
            if (array != null) ArrayPool<char>.Shared.Return(array);
        }
    }
}
