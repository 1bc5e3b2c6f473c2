using Microsoft.Extensions.Options;

namespace Voucherify.Extensions.DependencyInjection
{
    /// <summary>
    /// Validates one registration's options with the client's own rules, in words that point where the value came from:
    /// the configuration key (<c>Voucherify:SecretKey is required …</c>) when they were bound from configuration, the
    /// property otherwise. <c>ValidateOnStart</c> runs it when the host starts, so a misspelt section fails the start
    /// rather than the first request.
    /// </summary>
    internal sealed class VoucherifyOptionsValidator : IValidateOptions<VoucherifyClientOptions>
    {
        private readonly string _name;
        private readonly string? _configurationPath;

        /// <param name="name">The options (and client) name this validator is for.</param>
        /// <param name="configurationPath">The configuration section the options were bound from (<c>Voucherify</c>), or null when set in code.</param>
        public VoucherifyOptionsValidator(string name, string? configurationPath)
        {
            _name = name;
            _configurationPath = configurationPath;
        }

        public ValidateOptionsResult Validate(string? name, VoucherifyClientOptions options)
        {
            if ((name ?? Options.DefaultName) != _name) return ValidateOptionsResult.Skip;
            var problem = options.FindProblem();
            if (problem is null) return ValidateOptionsResult.Success;
            var subject = _configurationPath is null
                ? problem.CodeName
                : (_configurationPath.Length == 0 ? problem.Key : _configurationPath + ":" + problem.Key);
            var client = _name.Length == 0 ? string.Empty : $"Voucherify client \"{_name}\": ";
            return ValidateOptionsResult.Fail(client + problem.Describe(subject));
        }
    }
}
