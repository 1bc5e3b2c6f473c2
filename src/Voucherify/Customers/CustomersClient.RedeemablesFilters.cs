using System;
using System.Threading;
using System.Threading.Tasks;

namespace Voucherify
{
    public partial interface ICustomersClient
    {
        /// <inheritdoc cref="CustomersClient.ListCustomerRedeemablesAsync(string, CustomerRedeemableListOptions, CancellationToken)"/>
        Task<CustomerRedeemableList> ListCustomerRedeemablesAsync(string customerId, CustomerRedeemableListOptions options, CancellationToken cancellationToken = default);
    }

    public partial class CustomersClient
    {
        /// <summary>
        /// Lists the vouchers, gift cards and loyalty cards a customer holds, narrowed by <see cref="CustomerRedeemableListOptions.Filter"/>.
        /// </summary>
        /// <param name="customerId">The Voucherify id (<c>cust_…</c>) or your own <c>source_id</c>.</param>
        /// <param name="options">Paging, order and filters.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <returns>One page of redeemables; pass <see cref="CustomerRedeemableList.MoreStartingAfter"/> back as
        /// <see cref="CustomerRedeemableListOptions.StartingAfterId"/> for the next one.</returns>
        /// <exception cref="VoucherifyApiException">The API answered with an error (404 for an unknown customer).</exception>
        public virtual Task<CustomerRedeemableList> ListCustomerRedeemablesAsync(string customerId, CustomerRedeemableListOptions options, CancellationToken cancellationToken = default)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            return ListCustomerRedeemablesAsync(customerId, options.PageSize, options.Order, options.StartingAfterId, options.Filter, cancellationToken);
        }
    }
}
