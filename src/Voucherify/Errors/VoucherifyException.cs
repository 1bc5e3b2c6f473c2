using System;

namespace Voucherify
{
    /// <summary>
    /// The root of every exception the library throws for a failed call: API errors, timeouts, network failures and
    /// the library's own limits. Catch it to handle them all in one place.
    /// </summary>
    /// <remarks>
    /// Invalid arguments (<see cref="ArgumentException"/>) and your own cancellation (<see cref="OperationCanceledException"/>)
    /// are not wrapped: they are bugs or decisions of the caller, not failures of the call.
    /// </remarks>
    public abstract class VoucherifyException : Exception
    {
        /// <summary>Creates the exception with its message and the failure that caused it, if any.</summary>
        /// <param name="message">What went wrong, from the caller's point of view; never contains the secret key.</param>
        /// <param name="innerException">The underlying failure, if any.</param>
        protected VoucherifyException(string message, Exception? innerException)
            : base(message, innerException)
        {
        }
    }
}
