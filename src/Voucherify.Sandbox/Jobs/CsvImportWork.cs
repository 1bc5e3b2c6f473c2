using Voucherify.Sandbox.Csv;
using Voucherify.Sandbox.Customers;

namespace Voucherify.Sandbox.Jobs;

/// <summary><c>CUSTOMERS.IMPORT_CSV</c>: upserts each row by <c>Id</c> or <c>Source_id</c> and reports the rows it rejected.</summary>
internal sealed class CsvImportWork(CustomerStore store, IReadOnlyList<CustomerCsvRow> rows, string? fatalProblem, string groupId) : JobWork
{
    private readonly List<CustomersImportCsvFailedRow> _failed = [];
    private readonly int _count = rows.Count;
    private IReadOnlyList<CustomerCsvRow> _rows = rows;
    private int _done;

    public override string Type => AsyncActionType.CustomersImportCsv;

    public override int Count => _count;

    public override string? FatalProblem => fatalProblem;

    public override void Process(int index)
    {
        var row = _rows[index];
        var problem = row.Problem;
        if (problem is null && store.Upsert(row.Id, row.SourceId, row.Profile, mergeObjects: true, groupId) is null)
            problem = $"Customer {row.Id} not found; an Id column can only name an existing customer.";
        if (problem is null)
            _done++;
        else
            _failed.Add(new CustomersImportCsvFailedRow { Row = row.Row, SourceId = row.SourceId, Reason = problem });
    }

    public override void Release() => _rows = [];

    public override object Result(DateTimeOffset finishedAt) => new CustomersImportCsvResult
    {
        Message = fatalProblem ?? $"{_done} customer(s) imported successfully, {_failed.Count} failed.",
        DoneCount = _done,
        FailedCount = _failed.Count,
        Failed = _failed,
    };
}
