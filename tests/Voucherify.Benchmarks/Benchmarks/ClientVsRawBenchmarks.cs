using System.Net;
using BenchmarkDotNet.Attributes;
using Voucherify.Benchmarks.Shared;

namespace Voucherify.Benchmarks.Benchmarks;

// One class per operation, each with the hand-written call as its baseline, so BenchmarkDotNet's Ratio and
// Alloc Ratio columns are exactly the targets (time within 1.10x, allocated bytes within 1.25x).

/// <summary>GET a full customer (summary, loyalty, referrals).</summary>
[MemoryDiagnoser]
public class GetCustomerBenchmarks
{
    private readonly CannedResponseHandler _transport = new(Payloads.CustomerJson);
    private VoucherifyClient _client = null!;
    private RawVoucherifyApi _raw = null!;

    [GlobalSetup]
    public void Setup()
    {
        _client = BenchmarkClients.Client(_transport);
        _raw = BenchmarkClients.Raw(_transport);
    }

    [Benchmark(Baseline = true)]
    public Task<Customer> Raw() => _raw.GetCustomerAsync(Payloads.CustomerId);

    [Benchmark]
    public Task<Customer> Client() => _client.Customers.GetCustomerAsync(Payloads.CustomerId);

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _raw.Dispose();
    }
}

/// <summary>GET one page of 100 full customers.</summary>
[MemoryDiagnoser]
public class ListCustomersBenchmarks
{
    private readonly CannedResponseHandler _transport = new(Payloads.CustomerListJson(100));
    private VoucherifyClient _client = null!;
    private RawVoucherifyApi _raw = null!;

    [GlobalSetup]
    public void Setup()
    {
        _client = BenchmarkClients.Client(_transport);
        _raw = BenchmarkClients.Raw(_transport);
    }

    [Benchmark(Baseline = true)]
    public Task<CustomersListResponseBody> Raw() => _raw.ListCustomersAsync(limit: 100);

    [Benchmark]
    public Task<CustomersListResponseBody> Client() => _client.Customers.ListCustomersAsync(limit: 100);

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _raw.Dispose();
    }
}

/// <summary>POST a customer with every field set: serializing the body and reading the created customer back.</summary>
[MemoryDiagnoser]
public class CreateCustomerBenchmarks
{
    private readonly CannedResponseHandler _transport = new(Payloads.CustomerJson);
    private readonly CustomersCreateRequestBody _body = Payloads.CreateBody();
    private VoucherifyClient _client = null!;
    private RawVoucherifyApi _raw = null!;

    [GlobalSetup]
    public void Setup()
    {
        _client = BenchmarkClients.Client(_transport);
        _raw = BenchmarkClients.Raw(_transport);
    }

    [Benchmark(Baseline = true)]
    public Task<Customer> Raw() => _raw.CreateCustomerAsync(_body);

    [Benchmark]
    public Task<Customer> Client() => _client.Customers.CreateCustomerAsync(_body);

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _raw.Dispose();
    }
}

/// <summary>
/// Build and send the multipart CSV-import request for a 10 MB file on disk (the page cache, after the first read);
/// the transport reads the whole body, so streaming the file into the request is included. A file rather than a
/// MemoryStream, because a MemoryStream hands its whole buffer over in one write and would leave only the fixed
/// per-request costs to compare.
/// </summary>
[MemoryDiagnoser]
public class CsvImportBenchmarks
{
    private const string FileName = "customers.csv";
    private readonly CannedResponseHandler _transport = new(Payloads.AsyncActionStartedJson, HttpStatusCode.Accepted);
    private string _path = null!;
    private VoucherifyClient _client = null!;
    private RawVoucherifyApi _raw = null!;

    [GlobalSetup]
    public void Setup()
    {
        _path = Payloads.CsvFile(10 * 1024 * 1024);
        _client = BenchmarkClients.Client(_transport);
        _raw = BenchmarkClients.Raw(_transport);
    }

    [Benchmark(Baseline = true)]
    public async Task<AsyncActionStarted> Raw()
    {
        using var file = Payloads.OpenCsv(_path);
        return await _raw.ImportCustomersUsingCsvAsync(file, FileName);
    }

    [Benchmark]
    public async Task<AsyncActionStarted> Client()
    {
        using var file = Payloads.OpenCsv(_path);
        return await _client.Customers.ImportCustomersUsingCsvAsync(file, FileName);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _raw.Dispose();
        File.Delete(_path);
    }
}
