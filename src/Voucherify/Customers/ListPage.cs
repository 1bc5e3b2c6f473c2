using System;
using System.Collections.Generic;

namespace Voucherify
{
    /// <summary>One page of a list walked by a paging helper.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    public sealed class ListPage<T>
    {
        /// <summary>Creates a page; public so tests of your own code can fake the paging helpers.</summary>
        /// <param name="items">The page's items.</param>
        /// <param name="total">The total the API reported for the whole list when the walk began, if any.</param>
        public ListPage(IReadOnlyList<T> items, int? total)
            : this(items, total, continuationToken: null)
        {
        }

        /// <summary>Creates a page with the token that resumes the walk after it; public so tests of your own code can fake the paging helpers.</summary>
        /// <param name="items">The page's items.</param>
        /// <param name="total">The total the API reported for the whole list when the walk began, if any.</param>
        /// <param name="continuationToken">Resumes the walk after this page.</param>
        public ListPage(IReadOnlyList<T> items, int? total, string? continuationToken)
        {
            Items = items ?? throw new ArgumentNullException(nameof(items));
            Total = total;
            ContinuationToken = continuationToken;
        }

        /// <summary>The items of this page, in list order. Never null; empty only when the whole list is.</summary>
        public IReadOnlyList<T> Items { get; }

        /// <summary>
        /// How many items the whole list (with the walk's filters) held when the walk began: the API's <c>total</c> from
        /// the walk's first request, the same on every page. It does not shrink when the customers walker switches to
        /// the cursor after page 99, and a resumed walk reports the total of the walk it resumes. Null where the API
        /// reports no total (activity).
        /// </summary>
        public int? Total { get; }

        /// <summary>
        /// An opaque string that resumes the walk right after this page: store it with the work done for the page, and
        /// after a restart pass it back as the options' <c>ContinuationToken</c> (on a new client if need be). The last
        /// page has one too; resuming from it lists only what was added since (oldest-first walks) or nothing.
        /// Null only when the page gives nothing to resume from (customers without <c>created_at</c>).
        /// </summary>
        public string? ContinuationToken { get; }
    }
}
