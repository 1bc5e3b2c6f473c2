using System.IO;
using System.Net.Http;
using Newtonsoft.Json;
using Voucherify.Http;

namespace Voucherify.Serialization
{
    /// <summary>Reads a 2xx response's JSON body into the operation's result type.</summary>
    internal static class ResponseBody
    {
        /// <summary>
        /// Deserializes the body the pipeline staged (<see cref="PooledBodyContent"/>, see <see cref="AttemptHandler"/>):
        /// it is in memory, so reading it never waits.
        /// </summary>
        /// <exception cref="VoucherifyApiException">The body is not JSON of that shape, or is empty or <c>null</c>.</exception>
        public static T Read<T>(HttpResponseMessage response, SecretRedactor redactor)
            where T : class
        {
            T? result;
            try
            {
                // No content at all (a custom handler on netstandard2.0 may leave it unset) reads as an empty body.
                using var text = response.Content is PooledBodyContent staged ? staged.OpenText() : TextReader.Null;
                using var reader = new TypedDatesJsonReader(text);
                result = VoucherifyJson.Serializer.Deserialize<T>(reader);
            }
            catch (JsonException exception)
            {
                throw VoucherifyApiException.UnreadableSuccess(response, redactor, "Could not deserialize the response body stream as " + typeof(T).FullName + ".", exception);
            }
            return result ?? throw VoucherifyApiException.UnreadableSuccess(response, redactor, "Response was null which was not expected.", null);
        }
    }
}
