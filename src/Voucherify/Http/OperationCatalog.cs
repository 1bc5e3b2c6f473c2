using System.Collections.Generic;
using System.Linq;

namespace Voucherify.Http
{
    /// <summary>
    /// Every operation of the spec, from the generated <c>Operations</c> class of each client. The local sandbox serves
    /// exactly these routes; <c>OperationDescriptorSpecTests</c> fails when a client of a new tag is missing here.
    /// </summary>
    internal static class OperationCatalog
    {
        /// <summary>The descriptors of all clients, in spec order within each client.</summary>
        public static IReadOnlyList<OperationDescriptor> All { get; } =
            CustomersClient.Operations.All.Concat(AsyncActionsClient.Operations.All).ToArray();
    }
}
