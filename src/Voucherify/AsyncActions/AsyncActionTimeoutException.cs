using System;

namespace Voucherify
{
    /// <summary>
    /// <see cref="AsyncActionsClient.WaitForCompletionAsync"/> gave up before the job finished. The job itself goes on:
    /// wait again with <see cref="AsyncActionId"/> to pick it up.
    /// </summary>
    public sealed class AsyncActionTimeoutException : VoucherifyException
    {
        internal AsyncActionTimeoutException(string asyncActionId, AsyncAction? lastSeen, TimeSpan timeout)
            : base($"Async action {asyncActionId} did not finish within {timeout}; {Describe(lastSeen)}. The job continues on the server.", innerException: null)
        {
            AsyncActionId = asyncActionId;
            LastSeen = lastSeen;
        }

        /// <summary>The id of the job that was being waited for.</summary>
        public string AsyncActionId { get; }

        /// <summary>The job's state at the last poll; null when no poll was answered before the deadline.</summary>
        public AsyncAction? LastSeen { get; }

        private static string Describe(AsyncAction? lastSeen) =>
            lastSeen is null ? "no poll was answered in that time" : $"last seen {lastSeen.Status ?? "without a status"} at {lastSeen.Progress ?? 0}%";
    }
}
