namespace Voucherify.Tests;

/// <summary>Every id, whatever it contains, is sent as exactly one escaped path segment of the intended resource.</summary>
public class PathEscapingTests
{
    private static readonly string LongId = string.Concat(Enumerable.Repeat("ab/", 700))[..2000];

    /// <summary>Awkward ids and the segment each must become, written out rather than computed.</summary>
    private static readonly (string Id, string Segment)[] AwkwardIds =
    [
        ("a/b", "a%2Fb"),
        ("?x=1", "%3Fx%3D1"),
        ("#top", "%23top"),
        ("100%", "100%25"),
        ("John Smith", "John%20Smith"),
        (" .. ", "%20..%20"),
        ("../admin", "..%2Fadmin"),
        ("..%2Fadmin", "..%252Fadmin"),
        ("%2E%2E", "%252E%252E"),
        ("...", "..."),
        ("trailing.", "trailing."),
        ("a+b&c=d;e", "a%2Bb%26c%3Dd%3Be"),
        ("back\\slash", "back%5Cslash"),
        ("zoë@東京", "zo%C3%AB%40%E6%9D%B1%E4%BA%AC"),
        ("emoji-🎉", "emoji-%F0%9F%8E%89"),
        (LongId, LongId.Replace("/", "%2F")),
    ];

    public static TheoryData<string, int> Cases()
    {
        var cases = new TheoryData<string, int>();
        foreach (var operation in ApiOperations.ById.Keys)
            for (var i = 0; i < AwkwardIds.Length; i++)
                cases.Add(operation, i);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_id_becomes_one_escaped_segment_of_the_operations_path(string operation, int idIndex)
    {
        var (id, segment) = AwkwardIds[idIndex];
        var target = ApiOperations.ById[operation];
        using var t = new TestClient();
        t.Handler.Fallback.RespondWithFixture(HttpStatusCode.NotFound, "Errors/not-found.json");

        await Assert.ThrowsAsync<VoucherifyApiException>(() => target.Call(t.Client, id));

        var request = Assert.Single(t.Requests);
        var expectedPath = target.Prefix + segment + target.Suffix;
        Assert.Equal(expectedPath, request.Uri.AbsolutePath);
        Assert.Equal(TestClient.BaseUrl + expectedPath, request.Uri.OriginalString);
        Assert.Equal("", request.Uri.Query);
        Assert.Equal("", request.Uri.Fragment);
        Assert.Equal(id, Uri.UnescapeDataString(request.Uri.AbsolutePath[target.Prefix.Length..(expectedPath.Length - target.Suffix.Length)]));
    }
}
