namespace Voucherify.Extensions.DependencyInjection
{
    /// <summary>
    /// The Voucherify clients registered with <c>AddVoucherify(name, …)</c>, by name: for hosts whose container has no keyed
    /// services (netstandard2.0 hosts, containers other than Microsoft.Extensions.DependencyInjection 8+), and for code
    /// that picks the project at run time. On .NET 8+ a named client is also a keyed service: <c>[FromKeyedServices("eu")] ICustomersClient customers</c>.
    /// </summary>
    public interface IVoucherifyClientFactory
    {
        /// <summary>The client registered under <paramref name="name"/>; <c>""</c> (<c>Options.DefaultName</c>) for the one registered without a name.</summary>
        /// <param name="name">The name given to <c>AddVoucherify</c>.</param>
        /// <returns>The application's one client of that name (created on first use, disposed with the container).</returns>
        /// <exception cref="System.InvalidOperationException">No client of that name is registered; the message lists the registered names.</exception>
        /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">Its options are invalid; the message names the configuration key.</exception>
        IVoucherifyClient Get(string name);
    }
}
