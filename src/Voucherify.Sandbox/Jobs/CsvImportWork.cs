using Voucherify.Sandbox.Csv;
using Voucherify.Sandbox.Customers;

namespace Voucherify.Sandbox.Jobs;

/// <summary>
/// <c>CUSTOMERS.IMPORT_CSV</c>: upserts each row by <c>Id</c> or <c>Source_id</c> and reports the rows it rejected.
/// Rows are read from the stored file as they are processed (in order), so only the current one is in memory.
/// </summary>
internal sealed class CsvImportWork(CustomerStore store, CustomerCsvFile file, string groupId) : JobWork
{
    private readonly List<CustomersImportCsvFailedRow> _failed = [];
    private IEnumerator<CustomerCsvRow>? _rows;
    private int _done;

    public override string Type => AsyncActionType.CustomersImportCsv;

    public override int Count => file.Count;

    public override string? FatalProblem => file.Problem;

    public override void Process(int index)
    {
        _rows ??= file.Rows().GetEnumerator();
        if (!_rows.MoveNext()) return;
        var row = _rows.Current;
        var problem = row.Problem;
        if (problem is null && store.Upsert(row.Id, row.SourceId, row.Profile, mergeObjects: true, groupId) is null)
            problem = $"Customer {row.Id} not found; an Id column can only name an existing customer.";
        if (problem is null)
            _done++;
        else
            _failed.Add(new CustomersImportCsvFailedRow { Row = row.Row, SourceId = row.SourceId, Reason = problem });
    }

    public override void Release()
    {
        _rows?.Dispose();
        file.Dispose();
    }

    public override object Result(DateTimeOffset finishedAt) => new CustomersImportCsvResult
    {
        Message = file.Problem ?? $"{_done} customer(s) imported successfully, {_failed.Count} failed.",
        DoneCount = _done,
        FailedCount = _failed.Count,
        Failed = _failed,
    };
}
