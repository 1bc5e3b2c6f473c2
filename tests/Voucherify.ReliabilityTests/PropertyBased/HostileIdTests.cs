using CsCheck;

namespace Voucherify.ReliabilityTests;

/// <summary>
/// Ids are user data (a source_id may be an e-mail address or any text): whatever they contain, the request targets
/// exactly one path segment below /v1/customers/, and that segment decodes back to the id.
/// </summary>
public class HostileIdTests
{
    private static readonly string[] Fragments =
    {
        "a", "Z", "7", " ", "/", "../", "..", ".", "..%2F", "%2e%2e", "%", "%25", "?x=1", "#frag", "&", "=", "+", ";", ":", "@",
        "\\", "\"", "'", "<", ">", "{", "}", "|", "^", "`", "[", "]", "~", "\t", "ż", "日本", "🎉", "e\u0301",
    };

    private static async Task<Uri> SentUriAsync(string id)
    {
        var transport = new ScriptedTransport();
        using var client = transport.Client();
        await client.Customers.GetCustomerAsync(id);
        return Assert.Single(transport.Attempts).Uri;
    }

    [Fact]
    public async Task Any_id_addresses_exactly_one_path_segment_that_decodes_back_to_it()
    {
        var ids = Gen.OneOf(Fragments).Array[1, 12].Select(string.Concat)
            .Where(id => !string.IsNullOrWhiteSpace(id) && id != "." && id != "..");

        await ids.SampleAsync(async id =>
        {
            var uri = await SentUriAsync(id);
            Assert.Equal("api.test.voucherify.io", uri.Host);
            Assert.Equal("", uri.Query);
            Assert.Equal("", uri.Fragment);
            Assert.StartsWith("/v1/customers/", uri.AbsolutePath);
            var segment = uri.AbsolutePath.Substring("/v1/customers/".Length);
            Assert.DoesNotContain("/", segment);
            Assert.Equal(id, Uri.UnescapeDataString(segment));
        }, iter: 2000);
    }

    [Theory]
    [InlineData("../admin")]
    [InlineData("..%2F..%2Fv1%2Fvouchers")]
    [InlineData("a/b")]
    [InlineData("?limit=1000")]
    [InlineData("#")]
    [InlineData("100%")]
    [InlineData(" spaced id ")]
    [InlineData("zażółć gęślą jaźń 🎉")]
    public async Task Tricky_ids_stay_one_segment(string id)
    {
        var uri = await SentUriAsync(id);

        Assert.Equal("/v1/customers/" + Uri.EscapeDataString(id), uri.AbsolutePath);
        Assert.Equal("", uri.Query);
    }

    [Fact]
    public async Task Very_long_id_is_sent_whole()
    {
        var id = string.Concat(Enumerable.Repeat("ż/", 3000));

        var uri = await SentUriAsync(id);

        Assert.Equal(id, Uri.UnescapeDataString(uri.AbsolutePath.Substring("/v1/customers/".Length)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(".")]
    [InlineData("..")]
    public async Task Ids_that_cannot_name_a_customer_are_rejected_before_sending(string id)
    {
        var transport = new ScriptedTransport();
        using var client = transport.Client();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Customers.GetCustomerAsync(id));

        Assert.Equal("customerId", error.ParamName);
        Assert.Empty(transport.Attempts);
    }
}
