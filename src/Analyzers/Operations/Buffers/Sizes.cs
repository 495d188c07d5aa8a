namespace AllocAnalyzers.Operations
{
    /// <summary>Provable sizes: a non-negative constant, and products that do not overflow.</summary>
    internal static class Sizes
    {
        /// <summary>The provable value of <paramref name="operation"/> when it is not negative (a negative size throws).</summary>
        public static long? NonNegative(Microsoft.CodeAnalysis.IOperation? operation)
        {
            long? value = ConstantValues.TryGetInt64(operation);
            return value >= 0 ? value : null;
        }

        /// <summary>The product, or null when either is unknown or it overflows.</summary>
        public static long? Multiply(long? a, long? b)
        {
            if (a == null || b == null) return null;
            if (a == 0 || b == 0) return 0;
            return a > long.MaxValue / b ? null : a * b;
        }
    }
}
