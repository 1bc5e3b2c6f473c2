using System;

namespace Voucherify.Http
{
    /// <summary>
    /// What the spec says about one query parameter of an operation, generated with its <see cref="OperationDescriptor"/>:
    /// the name on the wire, the value's type and, for integers, the range. The local sandbox validates incoming queries
    /// with it, so a range or enum value changed in the spec changes the sandbox too.
    /// </summary>
    internal sealed class ParameterDescriptor
    {
        public ParameterDescriptor(string name, Type type, long? minimum, long? maximum, long? defaultValue)
        {
            Name = name;
            Type = type;
            Minimum = minimum;
            Maximum = maximum;
            Default = defaultValue;
        }

        /// <summary>The name on the wire, e.g. <c>limit</c> or <c>created_at[before]</c>.</summary>
        public string Name { get; }

        /// <summary>
        /// The value's type as the generated method takes it, without the nullable wrapper: <see cref="int"/>,
        /// <see cref="string"/>, <see cref="DateTimeOffset"/>, or a generated enum whose <c>EnumMember</c> values are the
        /// wire values.
        /// </summary>
        public Type Type { get; }

        /// <summary>The schema's <c>minimum</c>; null when it has none.</summary>
        public long? Minimum { get; }

        /// <summary>The schema's <c>maximum</c>; null when it has none.</summary>
        public long? Maximum { get; }

        /// <summary>The schema's <c>default</c> for an integer: what the API assumes when the parameter is left out.</summary>
        public long? Default { get; }

        public override string ToString() => Name;
    }
}
