using System.Net.Http.Headers;
using Voucherify.Http;

namespace Voucherify.Tests.Descriptors;

/// <summary>The multipart part headers are quoted once, whoever built them, and the RFC 5987 file name is dropped.</summary>
public class MultipartHeadersTests
{
    [Fact]
    public void Names_are_quoted_once_and_left_alone_when_already_quoted_or_absent()
    {
        using var content = new MultipartFormDataContent();
        var plain = new ByteArrayContent([1]);
        plain.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "file", FileName = "a.csv", FileNameStar = "a.csv" };
        var quoted = new ByteArrayContent([2]);
        quoted.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"other\"" };
        var unnamed = new ByteArrayContent([3]);
        unnamed.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data");
        var bare = new ByteArrayContent([4]);
        content.Add(plain);
        content.Add(quoted);
        content.Add(unnamed);
        content.Add(bare);
        bare.Headers.ContentDisposition = null; // Add gave it a default one

        MultipartHeaders.QuoteDispositionValues(content);

        // As written on the wire: each value quoted once, the RFC 5987 filename* gone.
        Assert.Equal("form-data; name=\"file\"; filename=\"a.csv\"", plain.Headers.ContentDisposition.ToString());
        Assert.Equal("form-data; name=\"other\"", quoted.Headers.ContentDisposition.ToString());
        Assert.Equal("form-data", unnamed.Headers.ContentDisposition.ToString());
        Assert.Null(bare.Headers.ContentDisposition);
    }

    [Fact]
    public void Content_that_is_not_multipart_is_left_untouched()
    {
        using var json = new StringContent("{}");

        MultipartHeaders.QuoteDispositionValues(json);
        MultipartHeaders.QuoteDispositionValues(null);

        Assert.Null(json.Headers.ContentDisposition);
    }
}
