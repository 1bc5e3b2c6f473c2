using System.Net;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Voucherify.ReliabilityTests;

/// <summary>
/// Answers every request with the API's success body for that route, damaged by a seeded random mutation: values
/// replaced by nulls, other types, unknown enum strings, huge or malformed numbers and dates; unknown members added,
/// members removed; the text truncated; an HTML page, an empty body, invalid UTF-8, excessive nesting; a wrong content
/// type or an unexpected status.
/// </summary>
public sealed class MutatingTransport(int seed) : HttpMessageHandler
{
    private static readonly string[] ContentTypes = { "application/json", "application/json; charset=utf-8", "text/html", "text/plain", "application/octet-stream" };
    private static readonly int[] Statuses = { 200, 201, 202, 204, 301, 400, 401, 404, 409, 413, 422, 429, 500, 502, 503 };

    private readonly Random _random = new(seed);

    public List<string> Log { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var relative = request.RequestUri!.AbsolutePath.Trim('/');
        var (status, body) = Samples.SuccessFor(request.Method.Method, relative);
        if (_random.Next(5) == 0) status = Statuses[_random.Next(Statuses.Length)];
        var bytes = Mutate(body ?? "{}");
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new ByteArrayContent(bytes) };
        var contentType = _random.Next(4) == 0 ? ContentTypes[_random.Next(ContentTypes.Length)] : "application/json";
        response.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        Log.Add($"{request.Method} {relative} -> {status} {contentType} {Encoding.UTF8.GetString(bytes)}");
        return Task.FromResult(response);
    }

    private byte[] Mutate(string body)
    {
        switch (_random.Next(12))
        {
            case 0: return Encoding.UTF8.GetBytes(body.Substring(0, _random.Next(body.Length)));
            case 1: return Encoding.UTF8.GetBytes("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>");
            case 2: return Array.Empty<byte>();
            case 3: return Encoding.UTF8.GetBytes(new[] { "null", "[]", "42", "\"text\"", "true", "{}" }[_random.Next(6)]);
            case 4:
                var garbage = new byte[_random.Next(1, 64)];
                _random.NextBytes(garbage);
                return garbage;
            case 5: return Encoding.UTF8.GetBytes(new string('[', 300) + new string(']', 300));
            default:
                var json = JToken.Parse(body);
                for (var i = _random.Next(1, 5); i > 0; i--) json = MutateTree(json);
                return Encoding.UTF8.GetBytes(json.ToString(Formatting.None));
        }
    }

    private JToken MutateTree(JToken root)
    {
        var tokens = Tokens(root).Where(t => t is not JProperty).ToList();
        var target = tokens[_random.Next(tokens.Count)];
        switch (_random.Next(4))
        {
            case 0 when target is JObject obj:
                obj["unknown_" + _random.Next(1000)] = RandomValue();
                return root;
            case 1 when target.Parent is JProperty property && property.Parent is JObject:
                property.Remove();
                return root;
            default:
                var replacement = RandomValue();
                if (target == root) return replacement;
                if (target.Parent is JProperty owner) owner.Value = replacement;
                else target.Replace(replacement);
                return root;
        }
    }

    /// <summary>The token and everything inside it.</summary>
    public static IEnumerable<JToken> Tokens(JToken root) =>
        root is JContainer container ? container.DescendantsAndSelf() : new[] { root };

    private JToken RandomValue() => _random.Next(18) switch
    {
        0 => JValue.CreateNull(),
        1 => new JValue(""),
        2 => new JValue("SOMETHING_NEW"),
        3 => new JValue(0),
        4 => new JValue(-1),
        5 => new JValue(1e300),
        6 => new JValue(long.MaxValue),
        7 => JToken.Parse("123456789012345678901234567890"),
        8 => new JValue(true),
        9 => new JArray(),
        10 => new JObject(),
        11 => new JArray(JValue.CreateNull()),
        12 => new JObject { ["nested"] = new JObject { ["deeper"] = 1 } },
        13 => new JValue("2022-13-45T99:99:99Z"),
        14 => new JValue("42"),
        15 => new JValue(3.75),
        16 => new JValue("\u0000\ud800 not-valid"),
        _ => new JValue(new string('x', 5000)),
    };
}
