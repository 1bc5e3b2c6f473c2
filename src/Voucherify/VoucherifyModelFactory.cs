using System;

namespace Voucherify
{
    /// <summary>
    /// Creates the few client types your own tests cannot build with <c>new</c>, to make a fake client fail the way
    /// the real one does. Every model (customers, lists, async actions) has public setters and needs no factory.
    /// </summary>
    public static class VoucherifyModelFactory
    {
        /// <summary>The exception <see cref="AsyncActionsClient.WaitForCompletionAsync"/> throws when a job outlasts the wait.</summary>
        /// <param name="asyncActionId">The id of the job waited for.</param>
        /// <param name="lastSeen">The job's state at the last poll.</param>
        /// <param name="timeout">The wait timeout that ran out.</param>
        /// <returns>The exception, ready to throw.</returns>
        public static AsyncActionTimeoutException AsyncActionTimeoutException(string asyncActionId, AsyncAction lastSeen, TimeSpan timeout) =>
            new AsyncActionTimeoutException(
                asyncActionId ?? throw new ArgumentNullException(nameof(asyncActionId)),
                lastSeen ?? throw new ArgumentNullException(nameof(lastSeen)),
                timeout);
    }
}
