using System.Text.RegularExpressions;

namespace Voucherify.ReliabilityTests;

/// <summary>Credentials the tests look for in outputs, and the success bodies the API sends for each route.</summary>
internal static class Samples
{
    public const string ApplicationId = "rel-app-id-4711";
    public const string SecretKey = "rel-secret-key-never-leak-5d1c0a";

    public const string Customer = """{"id":"cust_1","source_id":"alice@example.com","name":"Alice","email":"alice@example.com","metadata":{"tier":"gold"},"address":{"city":"Warsaw"},"summary":{"orders":{"total_amount":null}},"object":"customer","created_at":"2022-08-30T06:32:07.380Z"}""";
    public const string CustomersList = """{"object":"list","data_ref":"customers","customers":[""" + Customer + """],"total":1,"has_more":false}""";
    public const string ActivityList = """{"object":"list","data_ref":"data","data":[{"id":"evcus_1","type":"customer.created","data":{},"created_at":"2022-08-30T06:32:07.380Z"}],"has_more":false}""";
    public const string RedeemablesList = """{"object":"list","data_ref":"data","data":[{"id":"r_1","object":"customer_redeemable","created_at":"2022-08-30T06:32:07.380Z","redeemable_id":"v_1","redeemable_object":"voucher"}],"total":1,"has_more":false}""";
    public const string SegmentsList = """{"object":"list","data_ref":"data","data":[{"id":"seg_1","name":"VIP","object":"segment"}],"total":1}""";
    public const string PermanentDeletion = """{"id":"del_1","created_at":"2022-08-30T06:32:07.380Z","related_object_id":"cust_1","related_object":"customer","status":"DONE","data_json":{"customer":1},"object":"pernament_deletion"}""";
    public const string AsyncStarted = """{"async_action_id":"aa_1"}""";
    public const string AsyncDone = """{"id":"aa_1","type":"CUSTOMERS.BULK_UPDATE","status":"DONE","operation_status":"SUCCESS","result":{"done_count":1,"failed_count":0,"reports":[],"errors":[]},"created_at":"2022-08-30T06:32:07.380Z","progress":100,"processing_time":12,"object":"async_action"}""";
    public const string AsyncInProgress = """{"id":"aa_1","type":"CUSTOMERS.BULK_UPDATE","status":"IN_PROGRESS","created_at":"2022-08-30T06:32:07.380Z","progress":10,"object":"async_action"}""";
    public const string ServerError = """{"code":500,"key":"internal_error","message":"Internal error","request_id":"v-0a1"}""";
    public const string RateLimited = """{"code":429,"message":"Too many requests hit the API too quickly."}""";

    /// <summary>Status and body of a successful answer to a request, as the API would send it.</summary>
    public static (int Status, string? Body) SuccessFor(string method, string relativePath, bool inProgress = false)
    {
        return (method, relativePath) switch
        {
            ("POST", "v1/customers") => (200, Customer),
            ("GET", "v1/customers") => (200, CustomersList),
            ("POST", "v1/customers/importCSV" or "v1/customers/bulk/async" or "v1/customers/metadata/async") => (202, AsyncStarted),
            ("GET", var p) when p.StartsWith("v1/async-actions/") => (200, inProgress ? AsyncInProgress : AsyncDone),
            ("GET", var p) when p.EndsWith("/activity") => (200, ActivityList),
            ("GET", var p) when p.EndsWith("/redeemables") => (200, RedeemablesList),
            ("GET", var p) when p.EndsWith("/segments") => (200, SegmentsList),
            ("POST", var p) when p.EndsWith("/permanent-deletion") => (200, PermanentDeletion),
            ("DELETE", _) => (204, null),
            ("GET" or "PUT", _) => (200, Customer),
            _ => (404, """{"code":404,"key":"not_found","message":"Resource not found"}"""),
        };
    }

    /// <summary>True for the routes that start a server-side job.</summary>
    public static bool StartsJob(string method, string relativePath) =>
        method == "POST" && relativePath is "v1/customers/importCSV" or "v1/customers/bulk/async" or "v1/customers/metadata/async";

    /// <summary>Fails when <paramref name="text"/> contains the secret key (also percent- or JSON-escaped).</summary>
    public static void AssertNoSecret(string? text, string what)
    {
        if (text is null) return;
        Assert.False(text.Contains(SecretKey, StringComparison.Ordinal) || Regex.IsMatch(text, Regex.Escape(Uri.EscapeDataString(SecretKey))),
            $"The secret key leaked into {what}.");
    }

    /// <summary>Every message, ToString and inner exception of <paramref name="exception"/> is free of the secret key.</summary>
    public static void AssertNoSecret(Exception exception)
    {
        AssertNoSecret(exception.ToString(), exception.GetType().Name + ".ToString()");
        for (var e = exception; e != null; e = e.InnerException)
        {
            AssertNoSecret(e.Message, e.GetType().Name + ".Message");
            // Every text member (ApiMessage, Details, RequestId, ...), not only the ones named below.
            foreach (var property in e.GetType().GetProperties().Where(p => p.PropertyType == typeof(string) && p.GetIndexParameters().Length == 0))
                AssertNoSecret((string?)property.GetValue(e), e.GetType().Name + "." + property.Name);
            if (e is VoucherifyApiException api)
            {
                AssertNoSecret(api.ResponseBody, "VoucherifyApiException.ResponseBody");
                AssertNoSecret(string.Join("\n", api.Headers.Select(h => h.Key + ": " + string.Join(",", h.Value))), "VoucherifyApiException.Headers");
                AssertNoSecret(api.RateLimit?.ToString(), "RateLimitInfo.ToString()");
            }
        }
    }
}
