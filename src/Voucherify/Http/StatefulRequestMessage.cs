using System;
using System.Net.Http;

namespace Voucherify.Http
{
    /// <summary>
    /// The request message the generated clients build (<see cref="VoucherifyClientBase"/>): it carries the
    /// <see cref="RequestState"/> in a field of its own instead of an entry in the message's options, which spares every
    /// call the options dictionary and every handler a dictionary lookup per read of the state. A request built elsewhere
    /// (a test, a caller's handler) keeps its state in the options as before.
    /// </summary>
    internal sealed class StatefulRequestMessage : HttpRequestMessage
    {
        public StatefulRequestMessage(HttpMethod method, Uri requestUri)
            : base(method, requestUri)
        {
        }

        /// <summary>Set by <see cref="RequestState"/> on first use.</summary>
        internal RequestState.State? State;
    }
}
