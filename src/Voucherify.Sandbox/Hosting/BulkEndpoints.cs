using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Newtonsoft.Json.Linq;
using Voucherify.Sandbox.Csv;
using Voucherify.Sandbox.Customers;
using Voucherify.Sandbox.Jobs;
using Voucherify.Sandbox.Journal;
using Operations = Voucherify.CustomersClient.Operations;

namespace Voucherify.Sandbox.Hosting;

/// <summary>The three operations that start async actions: CSV import, bulk update and bulk metadata update.</summary>
internal static class BulkEndpoints
{
    public static IEnumerable<KeyValuePair<Voucherify.Http.OperationDescriptor, RequestDelegate>> Handlers(CustomerStore store, AsyncActionQueue jobs) =>
    [
        OperationHandler.For(Operations.ImportCustomersFromCsv, context => ImportCsvAsync(context, store, jobs)),
        OperationHandler.For(Operations.UpdateCustomersInBulk, context => BulkUpdateAsync(context, store, jobs)),
        OperationHandler.For(Operations.UpdateCustomersMetadataInBulk, context => MetadataUpdateAsync(context, store, jobs)),
    ];

    private static async Task ImportCsvAsync(HttpContext context, CustomerStore store, AsyncActionQueue jobs)
    {
        var boundary = MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            ? HeaderUtilities.RemoveQuotes(type.Boundary).Value
            : null;
        if (string.IsNullOrEmpty(boundary))
        {
            await ApiErrors.BadRequestAsync(context, "invalid_payload", "Send the file as multipart/form-data in a part named 'file'.");
            return;
        }

        // The file goes to a temporary file as it streams in; the job parses its rows while it runs.
        var reader = new MultipartReader(boundary, context.Request.Body);
        CustomerCsvFile? file = null;
        try
        {
            while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (name != "file" && !disposition.IsFileDisposition()) continue;
                // Counted as it streams, so the journal can report the part's size.
                var part = new RecordingStream(section.Body, keepBytes: 0);
                if (file is null && name == "file") file = await CustomerCsvFile.StoreAsync(part, context.RequestAborted);
                await part.CopyToAsync(Stream.Null, context.RequestAborted);
                RequestRecorder.NoteFile(context, new SandboxRequestFile
                {
                    Name = name,
                    FileName = HeaderUtilities.RemoveQuotes(disposition.FileName).Value,
                    Length = part.BytesRead,
                });
            }
        }
        catch (Exception e)
        {
            file?.Dispose();
            // A body that ends before its closing boundary, or never names the declared one (IOException), or a part
            // with headers over the reader's limits (16 headers, 16 KB: InvalidDataException) is the client's mistake.
            // An unreadable body or a client that left is the failure boundary's to answer.
            if (e is not (InvalidDataException or IOException) || e is BadHttpRequestException || context.RequestAborted.IsCancellationRequested) throw;
            await ApiErrors.BadRequestAsync(context, "invalid_payload", $"The multipart body cannot be read with its boundary: {e.Message}");
            return;
        }
        if (file is null)
        {
            await ApiErrors.BadRequestAsync(context, "invalid_payload", "The multipart body has no part named 'file'.");
            return;
        }
        // A file that cannot be read at all still starts a job, which then fails: that is when the service reports it.
        var id = jobs.Enqueue(new CsvImportWork(store, file, RequestIds.Of(context)), RequestIds.Of(context));
        await SandboxJson.WriteAsync(context, StatusCodes.Status202Accepted, new AsyncActionStarted { AsyncActionId = id });
    }

    private static async Task BulkUpdateAsync(HttpContext context, CustomerStore store, AsyncActionQueue jobs)
    {
        if (await ReadBulkBodyAsync(context) is not { } body) return;
        if (body is not JArray items || items.Any(item => item is not JObject))
        {
            await ApiErrors.BadRequestAsync(context, "invalid_payload", "The request body must be a JSON array of customers.");
            return;
        }
        var work = new BulkUpdateWork(store, items, ProfileMembers.Of(OperationEndpoints.Of(context)), RequestIds.Of(context));
        var id = jobs.Enqueue(work, RequestIds.Of(context));
        await SandboxJson.WriteAsync(context, StatusCodes.Status202Accepted, new AsyncActionStarted { AsyncActionId = id });
    }

    private static async Task MetadataUpdateAsync(HttpContext context, CustomerStore store, AsyncActionQueue jobs)
    {
        if (await ReadBulkBodyAsync(context) is not { } body) return;
        string? problem = null;
        var request = body is JObject ? SandboxJson.TryConvert<CustomerMetadataBulkUpdateOptions>(body, out problem) : null;
        if (request?.SourceIds is null || body["metadata"] is not JObject metadata)
        {
            await ApiErrors.BadRequestAsync(context, "invalid_payload", problem ?? "The request body must be an object with source_ids (an array of strings) and metadata (an object).");
            return;
        }
        var id = jobs.Enqueue(new MetadataUpdateWork(store, request.SourceIds.ToList(), metadata, RequestIds.Of(context)), RequestIds.Of(context));
        await SandboxJson.WriteAsync(context, StatusCodes.Status202Accepted, new AsyncActionStarted { AsyncActionId = id });
    }

    /// <summary>
    /// Reads a bulk body within the operation's limit (<c>x-voucherify-max-request-bytes</c>, the service's 10 MB).
    /// Writes the 413 (by the declared length, or while reading a body without one), or the 400 for malformed JSON or
    /// an empty <c>x-voucherify-required-items</c> array, and returns null then.
    /// </summary>
    private static async Task<JToken?> ReadBulkBodyAsync(HttpContext context)
    {
        var operation = OperationEndpoints.Of(context);
        var maxRequestBytes = operation.MaxRequestBytes;
        if (context.Request.ContentLength > maxRequestBytes)
        {
            await ApiErrors.PayloadTooLargeAsync(context, maxRequestBytes.Value);
            return null;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxRequestBytes;
        JToken? body;
        try
        {
            body = await SandboxJson.ReadBodyAsync(context.Request.Body, context.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && maxRequestBytes is { } max)
        {
            await ApiErrors.PayloadTooLargeAsync(context, max);
            return null;
        }
        if ((body is null ? "The request body is not valid JSON." : RequiredItems.Problem(operation, body)) is not { } problem) return body;
        await ApiErrors.BadRequestAsync(context, "invalid_payload", problem);
        return null;
    }
}
