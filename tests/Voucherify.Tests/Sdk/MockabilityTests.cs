namespace Voucherify.Tests.Sdk;

public class MockabilityTests
{
    /// <summary>A hand-written fake, as a user would write one against the interface.</summary>
    private sealed class FakeAsyncActions : IAsyncActionsClient
    {
        public Task<AsyncAction> GetAsyncActionAsync(string asyncActionId, CancellationToken cancellationToken = default) =>
            Task.FromResult(new AsyncAction { Id = asyncActionId, Status = AsyncActionStatus.InProgress, Progress = 40 });

        public Task<AsyncAction> WaitForCompletionAsync(string asyncActionId, AsyncActionWaitOptions? options = null, CancellationToken cancellationToken = default) =>
            throw VoucherifyModelFactory.AsyncActionTimeoutException(asyncActionId, new AsyncAction { Status = AsyncActionStatus.InProgress, Progress = 40 }, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_fake_can_fail_a_wait_exactly_like_the_real_client()
    {
        IAsyncActionsClient actions = new FakeAsyncActions();

        var error = await Assert.ThrowsAsync<AsyncActionTimeoutException>(() => actions.WaitForCompletionAsync("aa_1"));

        Assert.Equal("aa_1", error.AsyncActionId);
        Assert.Equal(40, error.LastSeen.Progress);
        Assert.Equal("Async action aa_1 did not finish within 00:01:00; last seen IN_PROGRESS at 40%. The job continues on the server.", error.Message);
    }

    [Fact]
    public void The_facade_exposes_its_clients_through_the_interface()
    {
        using var client = SdkTestClient.Create(new RichardSzalay.MockHttp.MockHttpMessageHandler());
        IVoucherifyClient facade = client;

        Assert.Same(client.Customers, facade.Customers);
        Assert.Same(client.AsyncActions, facade.AsyncActions);
        Assert.Same(client.Options, facade.Options);
    }
}
