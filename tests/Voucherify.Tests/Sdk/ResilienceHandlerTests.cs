extern alias VoucherifyDI;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;
using Voucherify.Csv;
using Voucherify.Sandbox;
using VoucherifyDI::Voucherify.Extensions.DependencyInjection;

namespace Voucherify.Tests.Sdk;

/// <summary>
/// <c>AddVoucherify(…).AddStandardResilienceHandler()</c> (Microsoft.Extensions.Http.Resilience) over real sockets
/// against the sandbox: the Polly pipeline runs below the library's handlers, and the library's promises must hold
/// whatever it does: at most <see cref="RetryOptions.MaxAttempts"/> requests per call, a job-starting request never
/// sent twice, the server's answer never lost, and attempt numbers that count what went out.
/// </summary>
public sealed class ResilienceHandlerTests : IAsyncLifetime
{
    private VoucherifySandbox _sandbox = null!;
    private readonly CapturingLoggerProvider _logs = new();

    public async Task InitializeAsync() => _sandbox = await VoucherifySandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    /// <summary>The client as a team wires it: DI, the standard resilience handler (short delays so the test is quick).</summary>
    private ServiceProvider Build(Action<RetryOptions>? retry = null, Action<IHttpClientBuilder>? resilience = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddProvider(_logs).SetMinimumLevel(LogLevel.Information));
        var sandboxOptions = _sandbox.CreateClientOptions();
        var builder = services.AddVoucherify(options =>
        {
            options.ApplicationId = sandboxOptions.ApplicationId;
            options.SecretKey = sandboxOptions.SecretKey;
            options.BaseUri = sandboxOptions.BaseUri;
            options.Retry = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) };
            retry?.Invoke(options.Retry);
        });
        if (resilience is null) builder.AddStandardResilienceHandler(o => o.Retry.Delay = TimeSpan.FromMilliseconds(5));
        else resilience(builder);
        return services.BuildServiceProvider();
    }

    private int Sent(string operationId) => _sandbox.Requests.Count(r => r.OperationId == operationId);

    private int[] LoggedAttempts() =>
        _logs.Entries.Where(e => e.Category == VoucherifyServiceCollectionExtensions.LoggerCategory && e.EventId.Name != "VoucherifyResponseBody")
            .Select(e => (int)e["Attempt"]!).ToArray();

    [Fact]
    public async Task A_read_the_server_always_refuses_is_sent_at_most_MaxAttempts_times_in_all()
    {
        _sandbox.AddFault(new SandboxFault { OperationId = "get-customer", StatusCode = 503 });
        using var provider = Build();

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => provider.GetRequiredService<ICustomersClient>().GetCustomerAsync("crm-1"));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(3, Sent("get-customer"));
        Assert.Equal(new[] { 1, 2, 3 }, LoggedAttempts());
    }

    [Fact]
    public async Task A_read_that_recovers_within_the_budget_succeeds()
    {
        _sandbox.AddFault(new SandboxFault { OperationId = "get-customer", StatusCode = 503, Times = 2 });
        using var provider = Build();
        var customers = provider.GetRequiredService<ICustomersClient>();
        await customers.CreateCustomerAsync(new CustomerCreateOptions { SourceId = "crm-1" });

        var customer = await customers.GetCustomerAsync("crm-1");

        Assert.Equal("crm-1", customer.SourceId);
        Assert.Equal(3, Sent("get-customer"));
    }

    [Fact]
    public async Task A_bulk_update_answered_503_once_is_sent_once_and_the_503_reaches_the_caller()
    {
        _sandbox.AddFault(new SandboxFault { OperationId = "update-customers-in-bulk", StatusCode = 503, Times = 1 });
        using var provider = Build();

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => provider.GetRequiredService<ICustomersClient>().UpdateCustomersInBulkAsync(
            new[] { new CustomerBulkUpdateItem { SourceId = "crm-1", Name = "Alice" } }));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal("service_unavailable", error.Key);
        Assert.Equal(1, Sent("update-customers-in-bulk"));
        Assert.Equal(new[] { 1 }, LoggedAttempts());
    }

    [Fact]
    public async Task A_metadata_bulk_update_answered_503_once_is_sent_once_and_the_503_reaches_the_caller()
    {
        _sandbox.AddFault(new SandboxFault { OperationId = "update-customers-metadata-in-bulk", StatusCode = 503, Times = 1 });
        using var provider = Build();

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => provider.GetRequiredService<ICustomersClient>().UpdateCustomersMetadataInBulkAsync(
            new CustomerMetadataBulkUpdateOptions { SourceIds = new[] { "crm-1" }, Metadata = new Dictionary<string, object> { ["tier"] = "gold" } }));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(1, Sent("update-customers-metadata-in-bulk"));
    }

    [Fact]
    public async Task A_csv_file_import_answered_503_once_is_sent_once_and_the_503_reaches_the_caller()
    {
        _sandbox.AddFault(new SandboxFault { OperationId = "import-customers-using-csv", StatusCode = 503, Times = 1 });
        using var provider = Build();
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, "Source_id,Name\ncrm-1,Alice\n");

            // From a file: a seekable stream whose length is known, which a retrying handler could send again.
            var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => provider.GetRequiredService<CustomersClient>().ImportCustomersFromCsvAsync(path));

            Assert.Equal(503, error.StatusCode);
            Assert.Equal(1, Sent("import-customers-using-csv"));
            Assert.Equal(new[] { 1 }, LoggedAttempts());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_streamed_csv_import_answered_503_once_is_sent_once_and_the_503_reaches_the_caller()
    {
        _sandbox.AddFault(new SandboxFault { OperationId = "import-customers-using-csv", StatusCode = 503, Times = 1 });
        using var provider = Build();
        var rows = new[] { new CustomerCreateOptions { SourceId = "crm-1", Name = "Alice" } };

        // Voucherify.Csv streams the file through a pipe while it writes it: the body cannot be sent twice at all.
        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => provider.GetRequiredService<ICustomersClient>().ImportCustomersAsync(rows));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(1, Sent("import-customers-using-csv"));
        Assert.Equal(new[] { 1 }, LoggedAttempts());
    }

    [Fact]
    public async Task With_client_retries_off_the_pipeline_owns_retries_within_MaxAttempts()
    {
        _sandbox.AddFault(new SandboxFault { OperationId = "get-customer", StatusCode = 503 });
        using var provider = Build(retry => { retry.ClientRetries = false; retry.MaxAttempts = 4; });

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => provider.GetRequiredService<ICustomersClient>().GetCustomerAsync("crm-1"));

        // The standard pipeline's own three retries, and none of the client's on top.
        Assert.Equal(503, error.StatusCode);
        Assert.Equal(4, Sent("get-customer"));
        Assert.Equal(new[] { 1, 2, 3, 4 }, LoggedAttempts());
    }

    [Fact]
    public async Task With_client_retries_off_a_job_starting_request_is_still_sent_once()
    {
        _sandbox.AddFault(new SandboxFault { OperationId = "update-customers-in-bulk", StatusCode = 503, Times = 1 });
        using var provider = Build(retry => { retry.ClientRetries = false; retry.MaxAttempts = 4; });

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => provider.GetRequiredService<ICustomersClient>().UpdateCustomersInBulkAsync(
            new[] { new CustomerBulkUpdateItem { SourceId = "crm-1", Name = "Alice" } }));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(1, Sent("update-customers-in-bulk"));
    }

    [Fact]
    public async Task A_pipeline_that_retries_every_exception_still_cannot_send_a_job_twice()
    {
        _sandbox.AddFault(new SandboxFault { OperationId = "update-customers-in-bulk", StatusCode = 503, Times = 1 });
        using var provider = Build(resilience: builder => builder.AddResilienceHandler("retry-everything", pipeline => pipeline.AddRetry(
            new Microsoft.Extensions.Http.Resilience.HttpRetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not null || (int)args.Outcome.Result!.StatusCode >= 500),
                MaxRetryAttempts = 4,
                Delay = TimeSpan.FromMilliseconds(5),
            })));

        var error = await Assert.ThrowsAsync<VoucherifyApiException>(() => provider.GetRequiredService<ICustomersClient>().UpdateCustomersInBulkAsync(
            new[] { new CustomerBulkUpdateItem { SourceId = "crm-1", Name = "Alice" } }));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(1, Sent("update-customers-in-bulk"));
        Assert.Equal(new[] { 1 }, LoggedAttempts());
    }

    [Fact]
    public async Task A_job_the_pipeline_abandoned_on_its_attempt_timeout_is_not_sent_again_and_the_message_says_why()
    {
        _sandbox.AddFault(new SandboxFault { OperationId = "update-customers-in-bulk", Delay = TimeSpan.FromSeconds(5), Times = 1 });
        using var provider = Build(resilience: builder => builder.AddStandardResilienceHandler(o =>
        {
            o.Retry.Delay = TimeSpan.FromMilliseconds(5);
            o.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(200);
        }));

        var error = await Assert.ThrowsAsync<VoucherifyNetworkException>(() => provider.GetRequiredService<ICustomersClient>().UpdateCustomersInBulkAsync(
            new[] { new CustomerBulkUpdateItem { SourceId = "crm-1", Name = "Alice" } }));

        Assert.Equal(1, error.Attempts);
        Assert.True(error.RequestMayHaveReachedServer);
        Assert.StartsWith("POST /v1/customers/bulk/async failed after 1 attempt: POST /v1/customers/bulk/async was not sent again: it may already have reached the server", error.Message);
        Assert.Equal(new[] { 1 }, LoggedAttempts());
    }

    [Fact]
    public async Task A_read_the_pipeline_timed_out_names_the_pipelines_timeout_and_counts_its_attempts()
    {
        _sandbox.AddFault(new SandboxFault { OperationId = "get-customer", Delay = TimeSpan.FromSeconds(5) });
        using var provider = Build(retry => retry.ClientRetries = false, builder => builder.AddStandardResilienceHandler(o =>
        {
            o.Retry.Delay = TimeSpan.FromMilliseconds(5);
            o.Retry.MaxRetryAttempts = 1;
            o.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(100);
        }));

        var error = await Assert.ThrowsAsync<VoucherifyTimeoutException>(() => provider.GetRequiredService<ICustomersClient>().GetCustomerAsync("crm-1"));

        Assert.Equal(VoucherifyTimeoutScope.Attempt, error.Scope);
        Assert.Equal(TimeSpan.FromMilliseconds(100), error.Timeout);
        Assert.Equal(2, error.Attempts);
        Assert.Equal("GET /v1/customers/{customerId} timed out: no complete response within the timeout of 0.1 s of a resilience handler below the client (Polly TimeoutRejectedException) after 2 attempts.", error.Message);
    }
}
