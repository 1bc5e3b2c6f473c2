using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Voucherify.Http;

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
                using var text = await OpenTextAsync(response.Content, cancellationToken).ConfigureAwait(false);
                using var reader = new TypedDatesJsonReader(text);
                result = VoucherifyJson.Serializer.Deserialize<T>(reader);
            }
            catch (JsonException exception)
            {
                throw VoucherifyApiException.UnreadableSuccess(response, redactor, "Could not deserialize the response body stream as " + typeof(T).FullName + ".", exception);
            }
            return result ?? throw VoucherifyApiException.UnreadableSuccess(response, redactor, "Response was null which was not expected.", null);
        }

        /// <summary>The body as text: decoded from the staged chunks, or through a stream for a body the pipeline did not stage.</summary>
        private static async Task<TextReader> OpenTextAsync(HttpContent content, CancellationToken cancellationToken)
        {
            if (content is PooledBodyContent staged) return staged.OpenText();
#if NET5_0_OR_GREATER
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            return new StreamReader(stream, Encoding.UTF8);
        }
    }
}
