using System;

namespace Voucherify
{
    /// <summary>
    /// One thing wrong with a <see cref="VoucherifyClientOptions"/>, said about the member it concerns, so that the same
    /// words serve the client's constructor (naming the property: <c>VoucherifyClientOptions.SecretKey is required …</c>)
    /// and the DI package's startup validation (naming the configuration key: <c>Voucherify:SecretKey is required …</c>).
    /// </summary>
    internal sealed class OptionsProblem
    {
        private readonly object? _actualValue;
        private readonly bool _outOfRange;

        private OptionsProblem(string key, string predicate, bool outOfRange, object? actualValue)
        {
            Key = key;
            Predicate = predicate;
            _outOfRange = outOfRange;
            _actualValue = actualValue;
        }

        /// <summary>The member's configuration key below the options' section: <c>SecretKey</c>, <c>Retry:MaxAttempts</c>.</summary>
        public string Key { get; }

        /// <summary>What is wrong, to follow the member's name: <c>is required (the X-App-Token of your API key pair).</c></summary>
        public string Predicate { get; }

        /// <summary>The member as code names it: <c>VoucherifyClientOptions.SecretKey</c>, <c>RetryOptions.MaxAttempts</c>.</summary>
        public string CodeName =>
            Key.StartsWith(RetryPrefix, StringComparison.Ordinal) ? "RetryOptions." + ParamName : "VoucherifyClientOptions." + Key;

        private const string RetryPrefix = "Retry:";

        private string ParamName => Key.Substring(Key.LastIndexOf(':') + 1);

        public static OptionsProblem Invalid(string key, string predicate) => new OptionsProblem(key, predicate, outOfRange: false, actualValue: null);

        public static OptionsProblem OutOfRange(string key, object actualValue, string predicate) => new OptionsProblem(key, predicate, outOfRange: true, actualValue);

        /// <summary>The same problem one level down: a <see cref="RetryOptions"/> member as a member of <c>Retry</c>.</summary>
        public static OptionsProblem? InRetry(OptionsProblem? problem) =>
            problem is null ? null : new OptionsProblem(RetryPrefix + problem.Key, problem.Predicate, problem._outOfRange, problem._actualValue);

        /// <summary>The sentence with <paramref name="subject"/> (a property or configuration key) as its subject.</summary>
        public string Describe(string subject) => subject + " " + Predicate;

        /// <summary>What the client's constructor throws.</summary>
        public ArgumentException ToException() => _outOfRange
            ? new ArgumentOutOfRangeException(ParamName, _actualValue, Describe(CodeName))
            : new ArgumentException(Describe(CodeName), ParamName);
    }
}
