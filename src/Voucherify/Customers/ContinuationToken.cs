using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Voucherify
{
    /// <summary>
    /// The opaque strings the paging helpers hand out with each page (<see cref="ListPage{T}.ContinuationToken"/>) and
    /// take back to resume a walk: versioned JSON in base64url. Each names the list it belongs to by a hash of its kind,
    /// customer, filters and order, so a token cannot silently resume a different list.
    /// </summary>
    internal static class ContinuationToken
    {
        private const int Version = 1;

        /// <summary>A hash of everything that defines a list (not the page size, which may change between runs).</summary>
        public static string ListIdentity(string kind, params object?[] definingValues)
        {
            var text = new StringBuilder(kind);
            foreach (var value in definingValues)
                text.Append('\u001f').Append(value is IFormattable formattable ? formattable.ToString(value is DateTimeOffset ? "O" : null, CultureInfo.InvariantCulture) : value?.ToString());
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
            return string.Concat(hash.Take(12).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
        }

        public static string Create(string listIdentity, JObject position, int? total)
        {
            var token = new JObject { ["v"] = Version, ["list"] = listIdentity, ["at"] = position };
            if (total is int known) token["total"] = known;
            var bytes = Encoding.UTF8.GetBytes(token.ToString(Formatting.None));
            return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }

        /// <summary>The position and total stored in <paramref name="token"/>, after checking it belongs to this list.</summary>
        /// <exception cref="ArgumentException">The token is malformed, from another version, or from another list.</exception>
        public static (JObject Position, int? Total) Read(string token, string listIdentity, string parameterName)
        {
            JObject parsed;
            int? version;
            string? list;
            int? total;
            try
            {
                var base64 = token.Replace('-', '+').Replace('_', '/');
                base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
                parsed = JObject.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
                // Read here, where a member of the wrong type (a string version, an object list) is reported like any other damage.
                version = (int?)parsed["v"];
                list = (string?)parsed["list"];
                total = (int?)parsed["total"];
            }
            catch (Exception exception) when (exception is FormatException || exception is JsonException || exception is ArgumentException || exception is OverflowException)
            {
                throw new ArgumentException("The continuation token is not one a Voucherify.NET walker issued.", parameterName, exception);
            }
            if (version != Version || !(parsed["at"] is JObject position))
                throw new ArgumentException("The continuation token is not one this version of Voucherify.NET can resume from.", parameterName);
            if (list != listIdentity)
                throw new ArgumentException("The continuation token was issued for a different list (another customer, filters or order); resume with the options the walk started with.", parameterName);
            return (position, total);
        }

        /// <summary>Checks the token's position holds a string member <paramref name="name"/> and returns it.</summary>
        public static string RequiredString(JObject position, string name, string parameterName) =>
            position[name] is JValue { Type: JTokenType.String } value ? (string)value!
                : throw new ArgumentException("The continuation token is incomplete.", parameterName);

        /// <summary>Checks the token's position holds an integer member <paramref name="name"/> and returns it.</summary>
        public static long RequiredInteger(JObject position, string name, string parameterName) =>
            position[name] is JValue { Type: JTokenType.Integer } value ? (long)value
                : throw new ArgumentException("The continuation token is incomplete.", parameterName);

        /// <summary>The strings of the token's array <paramref name="array"/> (none when absent); any other item means damage.</summary>
        public static IEnumerable<string> Strings(JToken? array, string parameterName)
        {
            if (!(array is JArray items)) return Enumerable.Empty<string>();
            return items.Select(item => item is JValue { Type: JTokenType.String } value ? (string)value!
                : throw new ArgumentException("The continuation token is incomplete.", parameterName)).ToList();
        }
    }
}
