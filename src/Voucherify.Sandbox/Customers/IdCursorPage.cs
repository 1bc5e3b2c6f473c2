namespace Voucherify.Sandbox.Customers;

/// <summary>
/// The <c>starting_after_id</c> / <c>more_starting_after</c> paging of the activity and redeemables lists: the page
/// starts after the item with that id (at the first item when the id is absent or not in the list).
/// </summary>
internal static class IdCursorPage
{
    public static (List<T> Page, bool HasMore, string? MoreStartingAfter) Of<T>(List<T> ordered, string? startingAfterId, int limit, Func<T, string?> id)
    {
        var from = startingAfterId is null ? 0 : ordered.FindIndex(item => id(item) == startingAfterId) + 1;
        var page = ordered.Skip(from).Take(limit).ToList();
        var hasMore = from + page.Count < ordered.Count;
        return (page, hasMore, hasMore ? id(page[^1]) : null);
    }
}
