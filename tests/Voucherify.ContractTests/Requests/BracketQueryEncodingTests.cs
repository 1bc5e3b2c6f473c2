using Voucherify.ContractTests.Infrastructure;

namespace Voucherify.ContractTests.Requests;

/// <summary>
/// Query parameters whose names contain brackets, which Prism reads as nested keys and does not validate:
/// their exact encoding is pinned here instead.
/// </summary>
public sealed class BracketQueryEncodingTests : IDisposable
{
    private readonly RecordingClient _recording = new();

    [Fact]
    public async Task ListCustomers_sends_the_date_filters_under_their_literal_bracket_names_with_the_offset()
    {
        var before = new DateTimeOffset(2024, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);
        await _recording.Client.Customers.ListCustomersAsync(
            createdAtBefore: before, createdAtAfter: before.AddDays(-30), updatedAtBefore: before, updatedAtAfter: before.AddHours(-1).ToOffset(TimeSpan.FromHours(2)),
            startingAfter: before);

        Assert.Equal(
            "created_at%5Bbefore%5D=2024-01-02T03%3A04%3A05.6780000%2B00%3A00"
            + "&created_at%5Bafter%5D=2023-12-03T03%3A04%3A05.6780000%2B00%3A00"
            + "&updated_at%5Bbefore%5D=2024-01-02T03%3A04%3A05.6780000%2B00%3A00"
            + "&updated_at%5Bafter%5D=2024-01-02T04%3A04%3A05.6780000%2B02%3A00"
            + "&starting_after=2024-01-02T03%3A04%3A05.6780000%2B00%3A00",
            _recording.SentQuery);
    }

    public void Dispose() => _recording.Dispose();
}
