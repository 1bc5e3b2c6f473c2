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
        Assert.Equal(40, error.LastSeen!.Progress);
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

    [Fact]
    public void The_factory_builds_the_failures_and_rate_limit_state_a_fake_needs()
    {
        var observed = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

        var rateLimit = VoucherifyModelFactory.RateLimitInfo(limit: 100, remaining: 0, retryAfter: TimeSpan.FromSeconds(30), limitType: "api_calls", observedAt: observed);
        var timeout = VoucherifyModelFactory.VoucherifyTimeoutException("GET /v1/customers/{customerId}", VoucherifyTimeoutScope.Call, TimeSpan.FromSeconds(30), 2);
        var network = VoucherifyModelFactory.VoucherifyNetworkException("GET /v1/customers", 3, requestMayHaveReachedServer: false, new HttpRequestException("refused"));
        var tooLarge = VoucherifyModelFactory.VoucherifyPayloadTooLargeException("POST /v1/customers/bulk/async", 11_000_000);
        var responseTooLarge = VoucherifyModelFactory.VoucherifyResponseTooLargeException("GET /v1/customers", 16_777_216, declaredBytes: 20_000_000);
        var redirect = VoucherifyModelFactory.VoucherifyRedirectException("GET /v1/customers/{customerId}", new Uri("https://api.voucherify.io"), new Uri("https://elsewhere.example"));

        Assert.Equal((100L, 0L, TimeSpan.FromSeconds(30), "api_calls", observed), (rateLimit.Limit!.Value, rateLimit.Remaining!.Value, rateLimit.RetryAfter!.Value, rateLimit.LimitType, rateLimit.ObservedAt));
        Assert.Equal((VoucherifyTimeoutScope.Call, 2), (timeout.Scope, timeout.Attempts));
        Assert.Equal("GET /v1/customers/{customerId} did not complete within the call timeout of 30 s (VoucherifyClientOptions.CallTimeout) after 2 attempts.", timeout.Message);
        Assert.Equal((3, false), (network.Attempts, network.RequestMayHaveReachedServer));
        Assert.Equal((11_000_000L, 10_485_760L, "body"), (tooLarge.PayloadBytes, tooLarge.LimitBytes, tooLarge.ParamName));
        var reached = VoucherifyModelFactory.VoucherifyNetworkException("POST /v1/customers/bulk/async", 1, requestMayHaveReachedServer: true, new HttpRequestException("reset"));
        Assert.Equal("POST /v1/customers/bulk/async failed after 1 attempt: reset The request may have reached the server, and it is not safe to send twice, so it was not repeated.", reached.Message);
        Assert.Equal((16_777_216L, (long?)20_000_000L, "GET /v1/customers"), (responseTooLarge.LimitBytes, responseTooLarge.DeclaredBytes, responseTooLarge.Operation));
        Assert.Equal((new Uri("https://elsewhere.example"), "GET /v1/customers/{customerId}"), (redirect.RedirectedTo, redirect.Operation));
    }
}
