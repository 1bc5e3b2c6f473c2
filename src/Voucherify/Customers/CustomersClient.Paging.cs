using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace Voucherify
{
    /// <summary>The Customers API as an interface, so code that uses it can be tested with a fake.</summary>
    public partial interface ICustomersClient
    {
        /// <inheritdoc cref="CustomersClient.ListAllCustomersAsync"/>
        IAsyncEnumerable<Customer> ListAllCustomersAsync(CustomerListOptions? options = null, CancellationToken cancellationToken = default);

        /// <inheritdoc cref="CustomersClient.ListCustomerPagesAsync"/>
        IAsyncEnumerable<ListPage<Customer>> ListCustomerPagesAsync(CustomerListOptions? options = null, CancellationToken cancellationToken = default);

        /// <inheritdoc cref="CustomersClient.ListAllCustomerActivityAsync"/>
        IAsyncEnumerable<CustomerActivity> ListAllCustomerActivityAsync(string customerId, CustomerActivityListOptions? options = null, CancellationToken cancellationToken = default);

        /// <inheritdoc cref="CustomersClient.ListCustomerActivityPagesAsync"/>
        IAsyncEnumerable<ListPage<CustomerActivity>> ListCustomerActivityPagesAsync(string customerId, CustomerActivityListOptions? options = null, CancellationToken cancellationToken = default);

        /// <inheritdoc cref="CustomersClient.ListAllCustomerRedeemablesAsync"/>
        IAsyncEnumerable<CustomerRedeemable> ListAllCustomerRedeemablesAsync(string customerId, CustomerRedeemableListOptions? options = null, CancellationToken cancellationToken = default);

        /// <inheritdoc cref="CustomersClient.ListCustomerRedeemablePagesAsync"/>
        IAsyncEnumerable<ListPage<CustomerRedeemable>> ListCustomerRedeemablePagesAsync(string customerId, CustomerRedeemableListOptions? options = null, CancellationToken cancellationToken = default);
    }

    public partial class CustomersClient
    {
        /// <summary>
        /// Lists every customer matching the filters, requesting the next page only when the previous one has been
        /// consumed (one page in memory at a time).
        /// </summary>
        /// <remarks>
        /// The API numbers pages only up to 99. Past that, the helper continues with the <c>starting_after</c>
        /// <c>created_at</c> cursor, so lists longer than 99 pages are walked to the end. Customers created or deleted
        /// while the list is walked may be missed or seen in a later position, as with any offset paging.
        /// To stop and resume later (after a restart, on another client), walk with <see cref="ListCustomerPagesAsync"/>
        /// and keep each page's <see cref="ListPage{T}.ContinuationToken"/>; a resumed walk continues by the cursor.
        /// </remarks>
        /// <param name="options">Filters, order and page size; defaults (newest first, 100 per request) when null.</param>
        /// <param name="cancellationToken">Stops the walk; also settable with <c>WithCancellation</c>.</param>
        /// <returns>The customers, each once, in the requested creation order.</returns>
        /// <exception cref="ArgumentOutOfRangeException">The options ask for an order other than creation order, or a page size outside 1–100.</exception>
        /// <exception cref="InvalidOperationException">Past page 99, the API's answers cannot be continued with the created_at cursor: more customers than one page holds share one creation instant, customers lack created_at, the API answered from the wrong side of the cursor, or an instant lies at the end of the calendar.</exception>
        /// <exception cref="VoucherifyApiException">A request failed.</exception>
        public virtual async IAsyncEnumerable<Customer> ListAllCustomersAsync(CustomerListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var page in ListCustomerPagesAsync(options, cancellationToken).ConfigureAwait(false))
                foreach (var customer in page.Items) yield return customer;
        }

        /// <summary>
        /// Lists every customer matching the filters page by page, for callers who process a page at a time
        /// (for example one database batch per page). See <see cref="ListAllCustomersAsync"/> for the paging rules.
        /// Every page carries a <see cref="ListPage{T}.ContinuationToken"/>: set it as
        /// <see cref="CustomerListOptions.ContinuationToken"/> to resume right after that page, across the page-99 switch
        /// and after a restart, with no customer lost or repeated. <see cref="ListPage{T}.Total"/> is the first answer's
        /// total on every page.
        /// </summary>
        /// <param name="options">Filters, order and page size; defaults (newest first, 100 per request) when null.</param>
        /// <param name="cancellationToken">Stops the walk; also settable with <c>WithCancellation</c>.</param>
        /// <returns>Non-empty pages; a customer is never in two of them.</returns>
        /// <exception cref="ArgumentOutOfRangeException">The options ask for an order other than creation order, or a page size outside 1–100.</exception>
        /// <exception cref="ArgumentException">The continuation token is malformed or was issued for another list (other filters or order).</exception>
        /// <exception cref="InvalidOperationException">Past page 99, the API's answers cannot be continued with the created_at cursor: more customers than one page holds share one creation instant, customers lack created_at, the API answered from the wrong side of the cursor, or an instant lies at the end of the calendar.</exception>
        /// <exception cref="VoucherifyApiException">A request failed.</exception>
        public virtual async IAsyncEnumerable<ListPage<Customer>> ListCustomerPagesAsync(CustomerListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            options ??= new CustomerListOptions();
            options.Validate();
            var newestFirst = options.Order == CustomerListOrder.CreatedAtDescending;
            var list = ContinuationToken.ListIdentity("customers", options.Order, options.Email, options.City, options.Name, options.SegmentId,
                options.CreatedAtBefore, options.CreatedAtAfter, options.UpdatedAtBefore, options.UpdatedAtAfter);
            CreationBoundary boundary;
            int? total = null;
            var totalKnown = false;
            var firstPage = 1;
            if (options.ContinuationToken is string resumeFrom)
            {
                var (position, resumedTotal) = ContinuationToken.Read(resumeFrom, list, nameof(options));
                boundary = CreationBoundary.Restore(position, nameof(options));
                (total, totalKnown) = (resumedTotal, true);
                // A resumed walk goes on by the cursor at once: page numbers shift with every customer created since
                // the token was issued, the cursor does not.
                firstPage = ListPaging.MaxPageNumber + 1;
            }
            else
            {
                boundary = new CreationBoundary();
            }
            DateTimeOffset? previousCursor = null;

            for (var page = firstPage; ; page++)
            {
                // The caller may cancel while holding the previous page; do not start another request then.
                cancellationToken.ThrowIfCancellationRequested();
                CustomerList response;
                if (page <= ListPaging.MaxPageNumber)
                {
                    response = await ListCustomersAsync(options.PageSize, page, options.Email, options.City, options.Name, options.SegmentId,
                        options.CreatedAtBefore, options.CreatedAtAfter, options.UpdatedAtBefore, options.UpdatedAtAfter,
                        options.Order, startingAfter: null, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    // Page numbers are exhausted: continue from the last customer's created_at. The cursor is exclusive,
                    // and customers can share a timestamp (the API's are in milliseconds), so it is set one unit of that
                    // precision back towards what was already listed: customers sharing the last creation instant are
                    // read again and the ones already returned are skipped, rather than the others being lost.
                    // Without `order` the cursor walks backwards (newest first); `order=created_at` walks forwards.
                    var cursor = boundary.Cursor(newestFirst);
                    // A cursor that moves back would walk in circles: the server answered from the wrong side of it.
                    if (previousCursor is DateTimeOffset previous && (newestFirst ? cursor > previous : cursor < previous))
                        throw new InvalidOperationException($"The API returned customers created on the wrong side of the starting_after cursor {previous:O}; the list cannot be continued.");
                    previousCursor = cursor;
                    response = await ListCustomersAsync(options.PageSize, page: null, options.Email, options.City, options.Name, options.SegmentId,
                        options.CreatedAtBefore, options.CreatedAtAfter, options.UpdatedAtBefore, options.UpdatedAtAfter,
                        newestFirst ? (CustomerListOrder?)null : CustomerListOrder.CreatedAt, cursor, cancellationToken).ConfigureAwait(false);
                }

                // The first answer's total counts the whole list; cursor answers count only what follows the cursor.
                if (!totalKnown) (total, totalKnown) = (response.Total, true);
                var received = response.Customers ?? Array.Empty<Customer>();
                var fresh = boundary.TakeUnseen(received);
                if (fresh.Count > 0) yield return new ListPage<Customer>(fresh, total, boundary.ToToken(list, total));

                if (received.Count < options.PageSize || response.HasMore == false) yield break;
                if (page >= ListPaging.MaxPageNumber && boundary.Instant is null)
                    throw new InvalidOperationException("The API returned customers without created_at, which the cursor needs beyond page 99.");
                if (page > ListPaging.MaxPageNumber && fresh.Count == 0)
                    throw new InvalidOperationException(
                        $"More than {options.PageSize} customers were created at {boundary.Instant:O}; the created_at cursor cannot page past them. Raise PageSize (up to 100) or narrow the list with the CreatedAt filters.");
            }
        }

        /// <summary>Lists every event in a customer's activity, one page in memory at a time.</summary>
        /// <param name="customerId">The customer's id (<c>cust_…</c>) or source id.</param>
        /// <param name="options">Filters, order and page size; defaults when null.</param>
        /// <param name="cancellationToken">Stops the walk; also settable with <c>WithCancellation</c>.</param>
        /// <returns>The events in list order.</returns>
        /// <exception cref="ArgumentOutOfRangeException">The page size is outside 1–100.</exception>
        /// <exception cref="ArgumentException">The continuation token is malformed or was issued for another list.</exception>
        /// <exception cref="InvalidOperationException">The API reported more items but sent a cursor it had sent before (or none), so the walk would repeat pages forever.</exception>
        /// <exception cref="VoucherifyApiException">A request failed (for example 404 for an unknown customer).</exception>
        public virtual async IAsyncEnumerable<CustomerActivity> ListAllCustomerActivityAsync(string customerId, CustomerActivityListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var page in ListCustomerActivityPagesAsync(customerId, options, cancellationToken).ConfigureAwait(false))
                foreach (var activity in page.Items) yield return activity;
        }

        /// <summary>
        /// Lists a customer's activity page by page, following the API's <c>more_starting_after</c> cursor. Each page's
        /// <see cref="ListPage{T}.ContinuationToken"/>, set as <see cref="CustomerActivityListOptions.ContinuationToken"/>,
        /// resumes right after it (after a restart too).
        /// </summary>
        /// <param name="customerId">The customer's id (<c>cust_…</c>) or source id.</param>
        /// <param name="options">Filters, order and page size; defaults when null.</param>
        /// <param name="cancellationToken">Stops the walk; also settable with <c>WithCancellation</c>.</param>
        /// <returns>Non-empty pages in list order.</returns>
        /// <exception cref="ArgumentOutOfRangeException">The page size is outside 1–100.</exception>
        /// <exception cref="ArgumentException">The continuation token is malformed or was issued for another list.</exception>
        /// <exception cref="InvalidOperationException">The API reported more items but sent a cursor it had sent before (or none), so the walk would repeat pages forever.</exception>
        /// <exception cref="VoucherifyApiException">A request failed (for example 404 for an unknown customer).</exception>
        public virtual IAsyncEnumerable<ListPage<CustomerActivity>> ListCustomerActivityPagesAsync(string customerId, CustomerActivityListOptions? options = null, CancellationToken cancellationToken = default)
        {
            options ??= new CustomerActivityListOptions();
            ListPaging.ValidatePageSize(options.PageSize);
            var list = ContinuationToken.ListIdentity("activity", customerId, options.Order, options.StartDate, options.EndDate,
                options.CampaignId, options.CampaignType, options.Category, options.Type);
            return ListPaging.FollowIdCursorAsync(
                async (startingAfterId, token) =>
                {
                    var response = await ListCustomerActivityAsync(customerId, options.PageSize, options.Order, startingAfterId, options.StartDate, options.EndDate,
                        options.CampaignId, options.CampaignType, options.Category, options.Type, token).ConfigureAwait(false);
                    return new ListPaging.IdCursorPage<CustomerActivity>(response.Data, response.HasMore, response.MoreStartingAfter, total: null);
                },
                activity => activity.Id,
                list,
                options.ContinuationToken,
                firstCursor: null,
                cancellationToken);
        }

        /// <summary>Lists every voucher, gift card and loyalty card the customer holds, one page in memory at a time.</summary>
        /// <param name="customerId">The customer's id (<c>cust_…</c>) or source id.</param>
        /// <param name="options">Page size, order, filters and an optional starting cursor; defaults when null.</param>
        /// <param name="cancellationToken">Stops the walk; also settable with <c>WithCancellation</c>.</param>
        /// <returns>The redeemables in list order.</returns>
        /// <exception cref="ArgumentOutOfRangeException">The page size is outside 1–100.</exception>
        /// <exception cref="ArgumentException">The continuation token is malformed or was issued for another list.</exception>
        /// <exception cref="InvalidOperationException">The API reported more items but sent a cursor it had sent before (or none), so the walk would repeat pages forever.</exception>
        /// <exception cref="VoucherifyApiException">A request failed (for example 404 for an unknown customer).</exception>
        public virtual async IAsyncEnumerable<CustomerRedeemable> ListAllCustomerRedeemablesAsync(string customerId, CustomerRedeemableListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var page in ListCustomerRedeemablePagesAsync(customerId, options, cancellationToken).ConfigureAwait(false))
                foreach (var redeemable in page.Items) yield return redeemable;
        }

        /// <summary>
        /// Lists the customer's redeemables page by page, following the API's <c>more_starting_after</c> cursor. Each page's
        /// <see cref="ListPage{T}.ContinuationToken"/>, set as <see cref="CustomerRedeemableListOptions.ContinuationToken"/>,
        /// resumes right after it (after a restart too).
        /// </summary>
        /// <param name="customerId">The customer's id (<c>cust_…</c>) or source id.</param>
        /// <param name="options">Page size, order, filters and an optional starting cursor; defaults when null.</param>
        /// <param name="cancellationToken">Stops the walk; also settable with <c>WithCancellation</c>.</param>
        /// <returns>Non-empty pages in list order.</returns>
        /// <exception cref="ArgumentOutOfRangeException">The page size is outside 1–100.</exception>
        /// <exception cref="ArgumentException">The continuation token is malformed or was issued for another list.</exception>
        /// <exception cref="InvalidOperationException">The API reported more items but sent a cursor it had sent before (or none), so the walk would repeat pages forever.</exception>
        /// <exception cref="VoucherifyApiException">A request failed (for example 404 for an unknown customer).</exception>
        public virtual IAsyncEnumerable<ListPage<CustomerRedeemable>> ListCustomerRedeemablePagesAsync(string customerId, CustomerRedeemableListOptions? options = null, CancellationToken cancellationToken = default)
        {
            options ??= new CustomerRedeemableListOptions();
            var pageSize = options.PageSize ?? ListPaging.MaxPageSize;
            ListPaging.ValidatePageSize(pageSize);
            var order = options.Order;
            var filter = options.Filter;
            var list = ContinuationToken.ListIdentity("redeemables", customerId, order, filter is null ? null : CustomerRedeemableFilterEncoder.Encode(filter));
            return ListPaging.FollowIdCursorAsync(
                async (startingAfterId, token) =>
                {
                    var page = new CustomerRedeemableListOptions { PageSize = pageSize, Order = order, Filter = filter, StartingAfterId = startingAfterId };
                    var response = await ListCustomerRedeemablesAsync(customerId, page, token).ConfigureAwait(false);
                    return new ListPaging.IdCursorPage<CustomerRedeemable>(response.Data, response.HasMore, response.MoreStartingAfter, response.Total);
                },
                redeemable => redeemable.Id,
                list,
                options.ContinuationToken,
                options.StartingAfterId,
                cancellationToken);
        }

        /// <summary>
        /// Remembers the creation instant of the last customer returned and which customers at that instant were
        /// already returned, so re-reading that instant (page shifts, the cursor switch) yields no duplicates; and the
        /// precision of the timestamps seen, so the cursor can step back exactly one unit of it.
        /// </summary>
        private sealed class CreationBoundary
        {
            private static readonly long MinInstantTicks = DateTimeOffset.MinValue.UtcTicks + TimeSpan.TicksPerMillisecond;
            private static readonly long MaxInstantTicks = DateTimeOffset.MaxValue.UtcTicks - TimeSpan.TicksPerMillisecond;

            private readonly HashSet<string> _idsAtInstant = new HashSet<string>(StringComparer.Ordinal);

            public DateTimeOffset? Instant { get; private set; }

            /// <summary>
            /// The largest power-of-ten unit, from a millisecond down to a tick, that every timestamp seen is a whole
            /// multiple of. A wider step would re-read customers created just after the boundary, which are not
            /// remembered; this one re-reads only those at the boundary instant itself.
            /// </summary>
            public long PrecisionTicks { get; private set; } = TimeSpan.TicksPerMillisecond;

            /// <summary>A token that resumes right after the customers taken so far; null before any had a creation instant.</summary>
            public string? ToToken(string list, int? total) => Instant is DateTimeOffset instant
                ? ContinuationToken.Create(list, new JObject
                {
                    ["instant"] = instant.UtcTicks,
                    ["precision"] = PrecisionTicks,
                    ["seen"] = new JArray(_idsAtInstant.OrderBy(id => id, StringComparer.Ordinal)),
                }, total)
                : null;

            /// <summary>The <c>starting_after</c> cursor: one unit of precision from the instant, back towards what was listed.</summary>
            /// <exception cref="InvalidOperationException">The API's instant is too close to the end of the calendar for that step.</exception>
            public DateTimeOffset Cursor(bool newestFirst)
            {
                var instant = Instant!.Value;
                if (!LeavesRoomForCursor(instant.UtcTicks))
                    throw new InvalidOperationException($"The API returned a customer created at {instant:O}, too close to the end of the calendar for a created_at cursor; the list cannot be continued.");
                var step = TimeSpan.FromTicks(PrecisionTicks);
                return newestFirst ? instant + step : instant - step;
            }

            /// <summary>The boundary a token was issued at.</summary>
            public static CreationBoundary Restore(JObject position, string parameterName)
            {
                var instant = ContinuationToken.RequiredInteger(position, "instant", parameterName);
                var precision = ContinuationToken.RequiredInteger(position, "precision", parameterName);
                if (!LeavesRoomForCursor(instant) || precision < 1 || precision > TimeSpan.TicksPerMillisecond)
                    throw new ArgumentException("The continuation token is damaged.", parameterName);
                var boundary = new CreationBoundary { Instant = new DateTimeOffset(instant, TimeSpan.Zero), PrecisionTicks = precision };
                foreach (var id in ContinuationToken.Strings(position["seen"], parameterName)) boundary._idsAtInstant.Add(id);
                return boundary;
            }

            /// <summary>Whether a step of up to a millisecond either side of the instant stays a <see cref="DateTimeOffset"/>.</summary>
            private static bool LeavesRoomForCursor(long instantTicks) => instantTicks >= MinInstantTicks && instantTicks <= MaxInstantTicks;

            public IReadOnlyList<Customer> TakeUnseen(IList<Customer> received)
            {
                var fresh = new List<Customer>(received.Count);
                foreach (var customer in received)
                {
                    if (customer.CreatedAt is DateTimeOffset createdAt)
                        while (createdAt.UtcTicks % PrecisionTicks != 0) PrecisionTicks /= 10;
                    if (customer.CreatedAt == Instant && customer.Id != null && _idsAtInstant.Contains(customer.Id)) continue;
                    if (customer.CreatedAt != Instant)
                    {
                        Instant = customer.CreatedAt;
                        _idsAtInstant.Clear();
                    }
                    if (customer.Id != null) _idsAtInstant.Add(customer.Id);
                    fresh.Add(customer);
                }
                return fresh;
            }
        }
    }
}
