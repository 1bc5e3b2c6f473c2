using System;

namespace Voucherify.Http
{
    /// <summary>
    /// Checks arguments the API would misread, so the caller gets an <see cref="ArgumentException"/> instead of a request
    /// to the wrong resource. The generated methods call it for the parameters the spec marks: the ids of
    /// <c>x-voucherify-id-parameters</c>, and the query parameters that have a <c>minimum</c> and <c>maximum</c>.
    /// </summary>
    internal static class RequestValidator
    {
        /// <summary>
        /// An empty or blank id would silently turn <c>/v1/customers/{customerId}</c> into <c>/v1/customers/</c> (the list),
        /// and <c>.</c> or <c>..</c> would be collapsed by <see cref="Uri"/> into another resource.
        /// </summary>
        /// <param name="id">The id argument (null was already rejected).</param>
        /// <param name="parameterName">The parameter's name in the spec and in the method.</param>
        public static void ValidateId(string id, string parameterName)
        {
            if (string.IsNullOrWhiteSpace(id))
                throw new ArgumentException($"The {parameterName} must not be empty or whitespace.", parameterName);
            if (id == "." || id == "..")
                throw new ArgumentException($"The {parameterName} '{id}' cannot be addressed in a URL path.", parameterName);
        }

        /// <param name="value">The argument; null (not sent) always passes.</param>
        /// <param name="name">The query parameter's name.</param>
        /// <param name="min">The spec's <c>minimum</c>.</param>
        /// <param name="max">The spec's <c>maximum</c>.</param>
        public static void ValidateRange(int? value, string name, int min, int max)
        {
            if (value is int number && (number < min || number > max))
                throw new ArgumentOutOfRangeException(name, number, $"The API accepts {name} from {min} to {max}.");
        }
    }
}
