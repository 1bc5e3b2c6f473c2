namespace Voucherify.Demo;

/// <summary>The demo's output: numbered steps, aligned tables and a progress line that rewrites itself on a terminal.</summary>
internal sealed class StepLog(TextWriter output, bool interactive)
{
    private const string Indent = "    ";
    private int _step;
    private string? _lastProgress;

    public void Title(string text)
    {
        output.WriteLine(text);
        output.WriteLine(new string('=', Math.Min(text.Length, 100)));
    }

    public void Step(string title)
    {
        output.WriteLine();
        output.WriteLine($"{++_step,2}. {title}");
    }

    public void Line(string text) => output.WriteLine(Indent + text);

    /// <summary>Prints rows under their headers, each column as wide as its widest cell.</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var all = rows.Select(r => r.Select(c => c ?? "-").ToList()).ToList();
        var widths = headers.Select((h, i) => all.Select(r => r[i].Length).Append(h.Length).Max()).ToList();
        string Format(IReadOnlyList<string> cells) => Indent + string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
        output.WriteLine(Format(headers));
        output.WriteLine(Format(widths.Select(w => new string('-', w)).ToList()));
        foreach (var row in all) output.WriteLine(Format(row));
    }

    /// <summary>
    /// Reports a job's polls: one line rewritten in place on a terminal; when redirected (CI), one line per change of
    /// status or progress, so the log stays short.
    /// </summary>
    public IProgress<AsyncAction> ProgressLine(string label) => new SynchronousProgress(action =>
    {
        var percent = action.Progress ?? 0;
        var change = $"{action.Status} {percent}";
        if (!interactive && change == _lastProgress) return;
        _lastProgress = change;
        var bar = new string('#', percent / 5).PadRight(20, '.');
        var text = $"{Indent}{label,-25} {action.Status,-12} [{bar}] {percent,3}%  {action.ProcessingTime ?? 0,5} ms";
        if (!interactive) output.WriteLine(text);
        else output.Write("\r" + text + (action.IsFinished ? Environment.NewLine : ""));
    });

    public void Done()
    {
        output.WriteLine();
        output.WriteLine("Done: every call above went through Voucherify.NET.");
    }

    public void Failure(string message)
    {
        output.WriteLine();
        output.WriteLine("FAILED: " + message);
    }

    private sealed class SynchronousProgress(Action<AsyncAction> report) : IProgress<AsyncAction>
    {
        public void Report(AsyncAction value) => report(value);
    }
}
