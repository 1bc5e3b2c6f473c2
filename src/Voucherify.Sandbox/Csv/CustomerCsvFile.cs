namespace Voucherify.Sandbox.Csv;

/// <summary>
/// An uploaded import file, kept in a temporary file (deleted when this is disposed) rather than in memory, so a
/// waiting import costs no memory per row: its rows are parsed one at a time while the job runs.
/// </summary>
internal sealed class CustomerCsvFile : IDisposable
{
    private readonly FileStream _file;

    private CustomerCsvFile(FileStream file, int count, string? problem)
    {
        _file = file;
        Count = count;
        Problem = problem;
    }

    /// <summary>The number of data rows.</summary>
    public int Count { get; }

    /// <summary>Why the file as a whole cannot be imported, or null.</summary>
    public string? Problem { get; }

    /// <summary>Copies <paramref name="upload"/> to a temporary file as it streams in, then checks it.</summary>
    public static async Task<CustomerCsvFile> StoreAsync(Stream upload, CancellationToken cancellationToken)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 16 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await upload.CopyToAsync(file, cancellationToken);
            file.Position = 0;
            var (count, problem) = await CustomerCsv.CheckAsync(file, cancellationToken);
            return new CustomerCsvFile(file, count, problem);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>The rows from the start of the file, parsed as they are enumerated; one enumeration at a time.</summary>
    public IEnumerable<CustomerCsvRow> Rows()
    {
        _file.Position = 0;
        return CustomerCsv.Read(_file);
    }

    public void Dispose() => _file.Dispose();
}
