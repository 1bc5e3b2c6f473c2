using System.Globalization;
using System.Text;

namespace Voucherify.Demo;

/// <summary>The walk through the Customers API, step by step, printing what each call returned.</summary>
internal sealed class DemoWalk(VoucherifyClient client, StepLog log, DemoScale scale)
{
    /// <summary>Ids (<c>cust_…</c>) of the customers created one by one; ids still work after a plain delete.</summary>
    private readonly List<string> _created = [];
    private string Id(string name) => scale.SourceIdPrefix + name;

    /// <summary>Every operation, in the order a real integration would use them; cleans up after itself on a real project.</summary>
    public async Task RunWritesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CreateAsync(cancellationToken);
            await GetAndUpdateAsync(cancellationToken);
            await ListAsync(cancellationToken);
            await ImportAsync(cancellationToken);
            await BulkUpdateAsync(cancellationToken);
            await MetadataUpdateAsync(cancellationToken);
            await HistoryAsync(Id("alice"), cancellationToken);
            await DeleteAsync(cancellationToken);
        }
        finally
        {
            if (scale.CleanUp) await CleanUpAsync();
        }
    }

    /// <summary>Only reads: lists customers and shows the first one's activity, segments and redeemables.</summary>
    public async Task RunReadOnlyAsync(CancellationToken cancellationToken)
    {
        var first = await ListAsync(cancellationToken);
        if (first is null)
        {
            log.Line("The project has no customers yet; nothing more to read.");
            return;
        }
        log.Step($"Get {first.Id} by its id");
        PrintCustomer(await client.Customers.GetCustomerAsync(first.Id!, cancellationToken));
        await HistoryAsync(first.Id!, cancellationToken);
    }

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        log.Step("Create three customers, then Alice again with the same source_id (an upsert: same id, new name)");
        var rows = new List<string?[]>();
        foreach (var (key, name, email, city) in new[]
        {
            ("alice", "Alice Morgan", "alice@example.com", "Warsaw"),
            ("bob", "Bob Smith", "bob@example.com", "Berlin"),
            ("carol", "Carol White", "carol@example.com", "Warsaw"),
            ("alice", "Alice Morgan-Lee", "alice@example.com", "Warsaw"),
        })
        {
            var customer = await client.Customers.CreateCustomerAsync(new CustomerCreateOptions
            {
                SourceId = Id(key),
                Name = name,
                Email = email,
                Address = new CustomerAddress { City = city, Country = city == "Warsaw" ? "PL" : "DE" },
                Metadata = new Dictionary<string, object> { ["demo"] = true },
            }, cancellationToken);
            if (!_created.Contains(customer.Id!)) _created.Add(customer.Id!);
            rows.Add([customer.SourceId, customer.Id, customer.Name, customer.Address?.City]);
        }
        log.Table(["source_id", "id", "name", "city"], rows);
    }

    private async Task GetAndUpdateAsync(CancellationToken cancellationToken)
    {
        log.Step("Get Bob by source_id, then update only his phone");
        var before = await client.Customers.GetCustomerAsync(Id("bob"), cancellationToken);
        var after = await client.Customers.UpdateCustomerAsync(Id("bob"), new CustomerUpdateOptions { Phone = "+49 30 1234567" }, cancellationToken);
        log.Table(["", "name", "email", "phone", "updated_at"],
        [
            ["before", before.Name, before.Email, before.Phone, Time(before.UpdatedAt)],
            ["after", after.Name, after.Email, after.Phone, Time(after.UpdatedAt)],
        ]);
    }

    /// <summary>Lists two customers per page; returns the first customer listed, if any.</summary>
    private async Task<Customer?> ListAsync(CancellationToken cancellationToken)
    {
        log.Step($"List customers, newest first, two per page (up to {scale.MaxListPages} pages)");
        var rows = new List<string?[]>();
        Customer? first = null;
        CustomerList page;
        var number = 0;
        do
        {
            page = await client.Customers.ListCustomersAsync(limit: 2, page: ++number, cancellationToken: cancellationToken);
            first ??= page.Customers?.FirstOrDefault();
            rows.AddRange(page.Customers!.Select(c => new[] { number.ToString(CultureInfo.InvariantCulture), c.SourceId, c.Name, Time(c.CreatedAt) }));
        } while (page.HasMore == true && number < scale.MaxListPages);
        log.Table(["page", "source_id", "name", "created_at"], rows);
        log.Line($"total {page.Total}, has_more after page {number}: {page.HasMore}");
        return first;
    }

    private async Task ImportAsync(CancellationToken cancellationToken)
    {
        log.Step($"Import {scale.ImportRows} generated customers (and one broken row) from CSV, and wait for the job");
        var csv = GenerateCsv();
        var job = await client.Customers.ImportCustomersFromCsvAndWaitAsync(
            new MemoryStream(Encoding.UTF8.GetBytes(csv)), "demo-customers.csv", Waiting(log.ProgressLine("CUSTOMERS.IMPORT_CSV")), cancellationToken);
        var result = job.GetImportCsvResult();
        log.Line($"{job.Status}: {result?.Message}");
        if (result?.Failed is { Count: > 0 } failed)
            log.Table(["row", "source_id", "reason"], failed.Select(f => new[] { f.Row?.ToString(CultureInfo.InvariantCulture), f.SourceId, f.Reason }));
    }

    private async Task BulkUpdateAsync(CancellationToken cancellationToken)
    {
        log.Step("Update three imported customers in bulk (matched by source_id), and wait");
        var started = await client.Customers.UpdateCustomersInBulkAsync(
            Enumerable.Range(1, 3).Select(i => new CustomerBulkUpdateItem
            {
                SourceId = Id($"csv-{i:0000}"),
                Name = $"Bulk-updated customer {i}",
                Phone = $"+48 500 000 00{i}",
            }), cancellationToken);
        var job = await client.AsyncActions.WaitForCompletionAsync(started.AsyncActionId!, Waiting(log.ProgressLine("CUSTOMERS.BULK_UPDATE")), cancellationToken);
        var result = job.GetBulkUpdateResult();
        log.Line($"{job.Status}: {result?.DoneCount} updated, {result?.FailedCount} failed");
        var sample = await client.Customers.GetCustomerAsync(Id("csv-0001"), cancellationToken);
        log.Line($"{sample.SourceId} is now \"{sample.Name}\", phone {sample.Phone}");
    }

    private async Task MetadataUpdateAsync(CancellationToken cancellationToken)
    {
        var count = Math.Min(50, scale.ImportRows);
        log.Step($"Set metadata on {count} imported customers in one request, and wait");
        var started = await client.Customers.UpdateCustomersMetadataInBulkAsync(new CustomerMetadataBulkUpdateOptions
        {
            SourceIds = Enumerable.Range(1, count).Select(i => Id($"csv-{i:0000}")).ToList(),
            Metadata = new Dictionary<string, object> { ["newsletter"] = true, ["segment_hint"] = "early-adopter" },
        }, cancellationToken);
        var job = await client.AsyncActions.WaitForCompletionAsync(started.AsyncActionId!, Waiting(log.ProgressLine("CUSTOMERS.METADATA_UPDATE")), cancellationToken);
        var result = job.GetBulkUpdateResult();
        log.Line($"{job.Status}: {result?.DoneCount} updated, {result?.FailedCount} failed");
        var sample = await client.Customers.GetCustomerAsync(Id("csv-0002"), cancellationToken);
        log.Line($"{sample.SourceId} metadata: {string.Join(", ", (sample.Metadata ?? new Dictionary<string, object>()).Select(m => $"{m.Key}={m.Value}"))}");
    }

    private async Task HistoryAsync(string customer, CancellationToken cancellationToken)
    {
        log.Step($"Activity of {customer} (newest first), then its segments and redeemables");
        var activity = await client.Customers.ListCustomerActivityAsync(customer, limit: 5, cancellationToken: cancellationToken);
        log.Table(["created_at", "type", "event id"], activity.Data!.Select(e => new[] { Time(e.CreatedAt), e.Type, e.Id }));
        if (activity.MoreStartingAfter is { } next) log.Line($"more events follow (starting_after_id={next})");
        var segments = await client.Customers.ListCustomerSegmentsAsync(customer, cancellationToken);
        var redeemables = await client.Customers.ListCustomerRedeemablesAsync(customer, limit: 5, cancellationToken: cancellationToken);
        log.Line($"segments: {segments.Total} {string.Join(", ", segments.Data?.Select(s => s.Name) ?? [])}".TrimEnd());
        log.Line($"redeemables: {redeemables.Total} {string.Join(", ", redeemables.Data?.Select(r => $"{r.VoucherType} {r.RedeemableId}") ?? [])}".TrimEnd());
    }

    private async Task DeleteAsync(CancellationToken cancellationToken)
    {
        log.Step("Delete Bob (204, no body), then try to read him again");
        await client.Customers.DeleteCustomerAsync(Id("bob"), cancellationToken);
        try
        {
            await client.Customers.GetCustomerAsync(Id("bob"), cancellationToken);
            log.Line("unexpected: Bob is still there");
        }
        catch (VoucherifyApiException e) when (e.StatusCode == 404)
        {
            log.Line($"404 {e.Key}: {e.Details}");
        }

        log.Step("Permanently delete Alice and everything kept about her");
        var deletion = await client.Customers.PermanentlyDeleteCustomerAsync(Id("alice"), cancellationToken);
        _created.Remove(deletion.RelatedObjectId!);
        var counts = deletion.DataJson;
        log.Line($"{deletion.Object} {deletion.Id}: {deletion.Status} for {deletion.RelatedObject} {deletion.RelatedObjectId}");
        log.Line($"removed: customer {counts?.Customer}, events {counts?.Events}, segments {counts?.Segments}, orders {counts?.Orders}");
    }

    /// <summary>Permanently deletes every customer this run created on a real project (404s mean already gone).</summary>
    private async Task CleanUpAsync()
    {
        log.Step($"Clean up: permanently delete the customers this run created ({scale.SourceIdPrefix}*)");
        var removed = 0;
        foreach (var customer in _created.Concat(Enumerable.Range(1, scale.ImportRows).Select(i => Id($"csv-{i:0000}"))))
        {
            try
            {
                await client.Customers.PermanentlyDeleteCustomerAsync(customer);
                removed++;
            }
            catch (VoucherifyApiException e) when (e.StatusCode == 404)
            {
            }
        }
        log.Line($"{removed} customer(s) removed");
    }

    private string GenerateCsv()
    {
        string[] first = ["Ada", "Ben", "Chloé", "Dawid", "Eva", "Felix", "Gosia", "Hugo", "Iris", "Jan"];
        string[] cities = ["Warsaw", "Kraków", "Berlin", "Lyon", "São Paulo"];
        var csv = new StringBuilder("Source_id,Name,Email,Birthdate,Address_City,Address_Country,Description,loyalty_tier\n");
        for (var i = 1; i <= scale.ImportRows; i++)
        {
            var name = $"{first[i % first.Length]} Demo{i}";
            csv.Append(CultureInfo.InvariantCulture, $"{Id($"csv-{i:0000}")},{name},demo{i}@example.com,{1970 + i % 40}-{1 + i % 12:00}-{1 + i % 28:00},{cities[i % cities.Length]},{(i % 2 == 0 ? "PL" : "DE")},\"Imported by the demo, row {i}\",{(i % 3 == 0 ? "gold" : "silver")}\n");
        }
        // One row the import must reject, to show how failures are reported.
        csv.Append(CultureInfo.InvariantCulture, $"{Id("csv-broken")},Broken Row,broken@example.com,31/12/1999,Nowhere,XX,bad birthdate,none\n");
        return csv.ToString();
    }

    private AsyncActionWaitOptions Waiting(IProgress<AsyncAction> progress) => new()
    {
        InitialDelay = scale.Waiting.InitialDelay,
        MaxDelay = scale.Waiting.MaxDelay,
        BackoffFactor = scale.Waiting.BackoffFactor,
        Timeout = scale.Waiting.Timeout,
        Progress = progress,
    };

    private void PrintCustomer(Customer customer) =>
        log.Table(["id", "source_id", "name", "email", "created_at"], [[customer.Id, customer.SourceId, customer.Name, customer.Email, Time(customer.CreatedAt)]]);

    private static string? Time(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
