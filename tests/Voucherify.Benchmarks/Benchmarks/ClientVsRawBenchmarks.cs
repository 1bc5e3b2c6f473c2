using System.Net;
using BenchmarkDotNet.Attributes;
using Voucherify.Benchmarks.Shared;

namespace Voucherify.Benchmarks.Benchmarks;

// One class per operation, each with the hand-written call as its baseline, so BenchmarkDotNet's Ratio and
// Alloc Ratio columns are exactly the targets (time within 1.10x, allocated bytes within 1.25x).

/// <summary>The client and the hand-written baseline over one in-memory transport.</summary>
[MemoryDiagnoser]
public abstract class ClientVsRawBenchmark(CannedResponseHandler transport)
{
    protected VoucherifyClient VoucherifyClient { get; private set; } = null!;

    protected RawVoucherifyApi RawApi { get; private set; } = null!;

    [GlobalSetup]
    public virtual void Setup()
    {
        VoucherifyClient = BenchmarkClients.Client(transport);
        RawApi = BenchmarkClients.Raw(transport);
    }

    [GlobalCleanup]
    public virtual void Cleanup()
    {
        VoucherifyClient.Dispose();
        RawApi.Dispose();
    }
}

/// <summary>GET a full customer (summary, loyalty, referrals).</summary>
public class GetCustomerBenchmarks() : ClientVsRawBenchmark(new CannedResponseHandler(Payloads.CustomerJson))
{
    [Benchmark(Baseline = true)]
    public Task<Customer> Raw() => RawApi.GetCustomerAsync(Payloads.CustomerId);

    [Benchmark]
    public Task<Customer> Client() => VoucherifyClient.Customers.GetCustomerAsync(Payloads.CustomerId);
}

/// <summary>GET one page of 100 full customers.</summary>
public class ListCustomersBenchmarks() : ClientVsRawBenchmark(new CannedResponseHandler(Payloads.CustomerListJson(100)))
{
    [Benchmark(Baseline = true)]
    public Task<CustomerList> Raw() => RawApi.ListCustomersAsync(limit: 100);

    [Benchmark]
    public Task<CustomerList> Client() => VoucherifyClient.Customers.ListCustomersAsync(limit: 100);
}

/// <summary>POST a customer with every field set: serializing the body and reading the created customer back.</summary>
public class CreateCustomerBenchmarks() : ClientVsRawBenchmark(new CannedResponseHandler(Payloads.CustomerJson))
{
    private readonly CustomerCreateOptions _body = Payloads.CreateBody();

    [Benchmark(Baseline = true)]
    public Task<Customer> Raw() => RawApi.CreateCustomerAsync(_body);

    [Benchmark]
    public Task<Customer> Client() => VoucherifyClient.Customers.CreateCustomerAsync(_body);
}

/// <summary>
/// Build and send the multipart CSV-import request for a 10 MB file on disk (the page cache, after the first read);
/// the transport reads the whole body, so streaming the file into the request is included. A file rather than a
/// MemoryStream, because a MemoryStream hands its whole buffer over in one write and would leave only the fixed
/// per-request costs to compare.
/// </summary>
public class CsvImportBenchmarks() : ClientVsRawBenchmark(new CannedResponseHandler(Payloads.AsyncActionStartedJson, HttpStatusCode.Accepted))
{
    private const string FileName = "customers.csv";
    private string _path = null!;

    public override void Setup()
    {
        _path = Payloads.CsvFile(10 * 1024 * 1024);
        base.Setup();
    }

    [Benchmark(Baseline = true)]
    public async Task<AsyncActionStarted> Raw()
    {
        using var file = Payloads.OpenCsv(_path);
        return await RawApi.ImportCustomersFromCsvAsync(file, FileName);
    }

    [Benchmark]
    public async Task<AsyncActionStarted> Client()
    {
        using var file = Payloads.OpenCsv(_path);
        return await VoucherifyClient.Customers.ImportCustomersFromCsvAsync(file, FileName);
    }

    public override void Cleanup()
    {
        base.Cleanup();
        File.Delete(_path);
    }
}
