using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace Voucherify
{
    /// <summary>What the paging helpers share: the API's limits and the walk over an id cursor.</summary>
    internal static class ListPaging
    {
        /// <summary>The highest <c>page</c> the customers list accepts.</summary>
        public const int MaxPageNumber = 99;

        /// <summary>The most items one list request returns; the walkers' default page size.</summary>
        public const int MaxPageSize = 100;

        public static void ValidatePageSize(int pageSize)
        {
            if (pageSize < 1 || pageSize > MaxPageSize)
                throw new ArgumentOutOfRangeException("PageSize", pageSize, "The API returns 1 to 100 items per request.");
        }

        /// <summary>A page of a list that pages with <c>starting_after_id</c> and answers with <c>more_starting_after</c>.</summary>
        public readonly struct IdCursorPage<T>
        {
            public IdCursorPage(IList<T>? items, bool? hasMore, string? nextCursor, int? total)
            {
                Items = items;
                HasMore = hasMore;
                NextCursor = nextCursor;
                Total = total;
            }

            public IList<T>? Items { get; }

            public bool? HasMore { get; }

            public string? NextCursor { get; }

            public int? Total { get; }
        }

        /// <summary>
        /// Requests pages until the API says there are no more, passing each page's cursor to the next request.
        /// When <c>has_more</c> is true but no <c>more_starting_after</c> came (it is optional in the API), the last
        /// item's id serves as the cursor. A cursor seen before (A, B, A) would walk in circles, so it ends the walk.
        /// Each page carries a continuation token holding the cursor after it; <paramref name="resumeToken"/> (checked
        /// here, before any request) starts from such a cursor instead of <paramref name="firstCursor"/>.
        /// </summary>
        public static IAsyncEnumerable<ListPage<T>> FollowIdCursorAsync<T>(
            Func<string?, CancellationToken, Task<IdCursorPage<T>>> fetchAsync,
            Func<T, string?> idOf,
            string listIdentity,
            string? resumeToken,
            string? firstCursor,
            CancellationToken cancellationToken)
        {
            if (resumeToken is null) return WalkIdCursorAsync(fetchAsync, idOf, listIdentity, firstCursor, knownTotal: null, cancellationToken);
            if (firstCursor != null)
                throw new ArgumentException("Set either a continuation token or a starting id, not both.", "options");
            var (position, total) = ContinuationToken.Read(resumeToken, listIdentity, "options");
            var cursor = ContinuationToken.RequiredString(position, "after", "options");
            return WalkIdCursorAsync(fetchAsync, idOf, listIdentity, cursor, new KnownTotal(total), cancellationToken);
        }

        private static async IAsyncEnumerable<ListPage<T>> WalkIdCursorAsync<T>(
            Func<string?, CancellationToken, Task<IdCursorPage<T>>> fetchAsync,
            Func<T, string?> idOf,
            string listIdentity,
            string? cursor,
            KnownTotal? knownTotal,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var cursorsSent = new HashSet<string>(StringComparer.Ordinal);
            if (cursor != null) cursorsSent.Add(cursor);
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var page = await fetchAsync(cursor, cancellationToken).ConfigureAwait(false);
                // The first answer's total describes the whole list; later cursor pages may count only what follows them.
                knownTotal ??= new KnownTotal(page.Total);
                var items = page.Items ?? Array.Empty<T>();
                if (items.Count == 0) yield break;
                var next = string.IsNullOrEmpty(page.NextCursor) ? idOf(items[items.Count - 1]) : page.NextCursor;
                var token = string.IsNullOrEmpty(next) ? null : ContinuationToken.Create(listIdentity, new JObject { ["after"] = next }, knownTotal.Value.Total);
                yield return new ListPage<T>(items as IReadOnlyList<T> ?? new List<T>(items), knownTotal.Value.Total, token);
                if (page.HasMore != true) yield break;

                // A cursor already sent would repeat pages already returned, forever if the API cycles through them.
                if (string.IsNullOrEmpty(next) || !cursorsSent.Add(next!))
                    throw new InvalidOperationException($"The API reported more items but gave no new cursor (after '{cursor}'); the list cannot be continued.");
                cursor = next;
            }
        }

        /// <summary>The list's total as first reported (which may itself be "none"), once it is known.</summary>
        private readonly struct KnownTotal
        {
            public KnownTotal(int? total) => Total = total;

            public int? Total { get; }
        }
    }
}
