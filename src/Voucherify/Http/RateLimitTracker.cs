using System.Threading;

namespace Voucherify.Http
{
    /// <summary>Holds the last rate-limit state seen by one client; shared by its pipeline and read by <see cref="VoucherifyClient.RateLimit"/>.</summary>
    internal sealed class RateLimitTracker
    {
        private RateLimitInfo? _latest;

        public RateLimitInfo? Latest => Volatile.Read(ref _latest);

        public void Observe(RateLimitInfo? info)
        {
            if (info != null) Volatile.Write(ref _latest, info);
        }
    }
}
