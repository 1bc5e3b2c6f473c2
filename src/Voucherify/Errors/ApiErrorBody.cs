using System;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Voucherify
{
    /// <summary>
    /// The details of an error body, read tolerantly from any of the API's three shapes:
    /// <c>{code, key, message, details, request_id, resource_id, resource_type, error: {message}}</c>,
    /// the gateway's 413 <c>{statusCode, error: "…", message}</c> and the 429 <c>{code, message}</c> whose
    /// <c>code</c> may be a number or a string.
    /// </summary>
    internal sealed class ApiErrorBody
    {
        private const int SnippetLength = 200;

        public int? Code { get; private set; }
        public string? Key { get; private set; }
        public string? Message { get; private set; }
        public string? Details { get; private set; }
        public string? RequestId { get; private set; }
        public string? ResourceId { get; private set; }
        public string? ResourceType { get; private set; }
        public string? ValidationMessage { get; private set; }

        /// <summary>True when the body was a JSON object (of whatever shape).</summary>
        public bool IsJson { get; private set; }

        public static ApiErrorBody Parse(string? body)
        {
            var json = TryParseObject(body);
            if (json is null) return new ApiErrorBody();

            var error = json["error"];
            return new ApiErrorBody
            {
                IsJson = true,
                Code = ReadInt(json["code"]) ?? ReadInt(json["statusCode"]),
                Key = ReadString(json["key"]),
                Message = ReadString(json["message"]),
                // The 413 shape puts the status text in a string "error"; the usual shape nests a validation message there.
                Details = ReadString(json["details"]) ?? (error?.Type == JTokenType.String ? ReadString(error) : null),
                RequestId = ReadString(json["request_id"]),
                ResourceId = ReadString(json["resource_id"]),
                ResourceType = ReadString(json["resource_type"]),
                ValidationMessage = error is JObject nested ? ReadString(nested["message"]) : null,
            };
        }

        /// <summary>A message that stands on its own: status, key, the API's message and details, request id.</summary>
        public static string Describe(int statusCode, ApiErrorBody error, string? body, string? context)
        {
            var text = new StringBuilder();
            var isSuccess = statusCode >= 200 && statusCode <= 299;
            if (isSuccess && context != null)
            {
                // A 2xx whose body could not be used: the generated client's own explanation is the point.
                text.Append(context).Append(" (HTTP ").Append(statusCode).Append(')');
            }
            else
            {
                text.Append("Voucherify API error ").Append(statusCode);
                if (error.Key != null) text.Append(" (").Append(error.Key).Append(')');
                text.Append(": ");
                if (error.Message != null) text.Append(error.Message.TrimEnd('.')).Append('.');
                else if (!error.IsJson && !string.IsNullOrWhiteSpace(body)) text.Append("the response was not JSON: ").Append(Snippet(body!));
                else text.Append("the response had no error message.");
                if (error.Details != null) text.Append(' ').Append(error.Details);
                if (error.ValidationMessage != null) text.Append(" Validation: ").Append(error.ValidationMessage);
            }
            if (error.RequestId != null) text.Append(" [request ").Append(error.RequestId).Append(']');
            return text.ToString();
        }

        private static JObject? TryParseObject(string? body)
        {
            if (string.IsNullOrWhiteSpace(body)) return null;
            var trimmed = body!.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] != '{') return null;
            try
            {
                using var reader = new JsonTextReader(new System.IO.StringReader(body)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
                return JToken.ReadFrom(reader) as JObject;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static string? ReadString(JToken? token) =>
            token is null || token.Type == JTokenType.Null || token is JContainer ? null : token.ToString();

        private static int? ReadInt(JToken? token)
        {
            if (token is null) return null;
            if (token is JValue { Value: long number } && number >= int.MinValue && number <= int.MaxValue) return (int)number;
            if (token.Type == JTokenType.String && int.TryParse((string?)token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)) return parsed;
            return null;
        }

        private static string Snippet(string body)
        {
            var collapsed = string.Join(" ", body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            return collapsed.Length <= SnippetLength ? collapsed : collapsed.Substring(0, SnippetLength) + "…";
        }
    }
}
