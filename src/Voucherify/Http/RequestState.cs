using System.Net.Http;

namespace Voucherify.Http
{
    /// <summary>Per-request values the handlers share: how many attempts the retry handler has started.</summary>
    internal static class RequestState
    {
        private const string AttemptsKey = "Voucherify.Attempts";

#if NET5_0_OR_GREATER
        private static readonly HttpRequestOptionsKey<int> Attempts = new HttpRequestOptionsKey<int>(AttemptsKey);

        public static void SetAttempts(HttpRequestMessage request, int attempts) => request.Options.Set(Attempts, attempts);

        public static int GetAttempts(HttpRequestMessage request) => request.Options.TryGetValue(Attempts, out var attempts) ? attempts : 0;
#else
        public static void SetAttempts(HttpRequestMessage request, int attempts) => request.Properties[AttemptsKey] = attempts;

        public static int GetAttempts(HttpRequestMessage request) => request.Properties.TryGetValue(AttemptsKey, out var value) && value is int attempts ? attempts : 0;
#endif
    }
}
