using Voucherify.SandboxTests.Raw;

namespace Voucherify.SandboxTests;

/// <summary>
/// A request is in the journal by the time its client has the whole answer, so a test can read
/// <c>sandbox.Requests</c> right after its call returns. A response with a <c>Content-Length</c> is complete on the
/// wire before the sandbox's pipeline returns, so recording it at the end (as before) lost that race now and then.
/// </summary>
public sealed class JournalTimingTests : SandboxPerTest
{
    [Theory]
    [InlineData("GET", "/v1/customers", null, 200)]
    [InlineData("POST", "/v1/customers", """{"source_id":"a"}""", 200)]
    [InlineData("GET", "/v1/customers/nobody", null, 404)]
    [InlineData("GET", "/v1/unknown", null, 404)]
    public async Task Each_answered_request_is_already_journaled_when_its_answer_arrives(string method, string target, string? json, int status)
    {
        for (var i = 1; i <= 20; i++)
        {
            var response = await RawHttp.SendAsync(Sandbox, method, target, json);

            Assert.Equal(status, response?.StatusCode);
            Assert.Equal(i, Sandbox.Requests.Count);
        }
    }

    [Fact]
    public async Task A_refused_request_that_waits_for_100_continue_is_journaled_when_its_401_arrives()
    {
        // No credentials, and a body the client sends only once told to continue: the sandbox refuses it unread.
        var head = System.Text.Encoding.ASCII.GetBytes(
            $"POST /v1/customers HTTP/1.1\r\nHost: {Sandbox.BaseUri.Authority}\r\nConnection: close\r\n" +
            "Content-Type: application/json\r\nContent-Length: 17\r\nExpect: 100-continue\r\n\r\n");
        using var patience = new CancellationTokenSource(RawHttp.Patience);
        await using var connection = await RawConnection.OpenAsync(Sandbox, patience.Token);
        await connection.SendAsync(head, patience.Token);

        var refused = await connection.ReadResponseAsync(patience.Token);

        Assert.Equal(401, refused?.StatusCode);
        var journaled = Assert.Single(Sandbox.Requests);
        Assert.Equal((401, null, 17L), (journaled.StatusCode, journaled.Body, journaled.BodyLength));
    }
}
