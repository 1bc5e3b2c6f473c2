using System;

namespace Voucherify
{
    /// <summary>
    /// A response body was larger than <see cref="VoucherifyClientOptions.MaxResponseBytes"/> (counted after
    /// decompression), or than the process could hold in memory below that limit, so the call stopped reading it and
    /// failed at once, without retrying.
    /// </summary>
    /// <remarks>
    /// The API's largest legitimate answers (a page of 100 customers or activities) are far below the default limit; a
    /// body this large comes from a misbehaving proxy or a hostile endpoint. Raise the limit only if you expect such answers.
    /// </remarks>
    public sealed class VoucherifyResponseTooLargeException : VoucherifyException
    {
        internal VoucherifyResponseTooLargeException(string operation, long limitBytes, long? declaredBytes, OutOfMemoryException? outOfMemory = null)
            : base(Describe(operation, limitBytes, declaredBytes, outOfMemory != null), outOfMemory)
        {
            Operation = operation;
            LimitBytes = limitBytes;
            DeclaredBytes = declaredBytes;
        }

        /// <summary>The request's method and path template, e.g. <c>GET /v1/customers</c> (never ids or query values).</summary>
        public string Operation { get; }

        /// <summary>The limit that was exceeded: <see cref="VoucherifyClientOptions.MaxResponseBytes"/>.</summary>
        public long LimitBytes { get; }

        /// <summary>The body size the server declared in <c>Content-Length</c>, when that alone exceeded the limit (nothing was read); null when the body was cut off while being read.</summary>
        public long? DeclaredBytes { get; }

        private static string Describe(string operation, long limitBytes, long? declaredBytes, bool outOfMemory)
        {
            var what = outOfMemory
                ? "the process ran out of memory holding its body, within"
                : declaredBytes is null
                    ? "its body grew larger than"
                    : $"it declared a body of {declaredBytes} bytes (Content-Length), over";
            return $"The response to {operation} was refused: {what} the limit of {limitBytes} bytes (VoucherifyClientOptions.MaxResponseBytes). Reading stopped there and the call was not retried.";
        }
    }
}
