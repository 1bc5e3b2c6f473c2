using System;

namespace Voucherify
{
    /// <summary>
    /// A bulk request body is larger than the API accepts (10 MB, 10 485 760 bytes), so it was not sent.
    /// Split the items over several requests.
    /// </summary>
    public sealed class VoucherifyPayloadTooLargeException : VoucherifyException
    {
        internal VoucherifyPayloadTooLargeException(string operation, long payloadBytes, long limitBytes, string parameterName)
            : base($"The body of {operation} would be {payloadBytes} bytes of JSON, over the API's limit of {limitBytes} bytes; it was not sent. Split the items over several requests.", innerException: null)
        {
            ParamName = parameterName;
            PayloadBytes = payloadBytes;
            LimitBytes = limitBytes;
        }

        /// <summary>The argument that holds the oversized body, e.g. <c>body</c>.</summary>
        public string ParamName { get; }

        /// <summary>The size of the serialized body, in bytes.</summary>
        public long PayloadBytes { get; }

        /// <summary>The largest body the API accepts, in bytes.</summary>
        public long LimitBytes { get; }
    }
}
