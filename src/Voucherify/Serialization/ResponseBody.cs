using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace Voucherify.Serialization
{
    /// <summary>Reads a 2xx response's JSON body into the operation's result type.</summary>
    internal static class ResponseBody
    {
        /// <exception cref="VoucherifyApiException">The body is not JSON of that shape, or is empty or <c>null</c>.</exception>
        public static async Task<T> ReadAsync<T>(HttpResponseMessage response, SecretRedactor redactor, CancellationToken cancellationToken)
            where T : class
        {
            T? result;
            try
            {
#if NET5_0_OR_GREATER
                using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
                using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                using var reader = new JsonTextReader(new StreamReader(stream, Encoding.UTF8));
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
