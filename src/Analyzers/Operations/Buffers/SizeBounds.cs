using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations
{
    /// <summary>
    /// Bounds of an integer size where its exact value is not provable: <c>Math.Min(a, b)</c> is at
    /// most either side's upper bound, <c>Math.Max(a, b)</c> at least either side's lower bound,
    /// <c>Math.Clamp(x, lo, hi)</c> both, <c>x &amp; mask</c> at most a non-negative mask, a conditional
    /// between the bounds of its branches, a local through its only value — and a parameter or
    /// local that nothing writes, inside the branch of an <c>if</c> or <c>?:</c> whose condition
    /// compares it with a constant (<c>n &lt;= Max ? stackalloc byte[n] : new byte[n]</c>).
    /// <para>
    /// A narrowing cast keeps the bounds (<c>(int)Math.Min(0x10000, remaining)</c>): only a value
    /// beyond the target type's range could wrap, and such a size would throw or be negative anyway
    /// for every use the rules price.
    /// </para>
    /// </summary>
    internal static class SizeBounds
    {
        private const int MaxDepth = 16;

        /// <summary>The least and greatest value <paramref name="operation"/> can have (either may be unknown).</summary>
        public static (long? Lower, long? Upper) Of(IOperation? operation) => Bounds(operation, 0);

        private static (long? Lower, long? Upper) Bounds(IOperation? operation, int depth)
        {
            if (operation == null || depth > MaxDepth) return (null, null);
            long? exact = ConstantValues.TryGetInt64(operation);
            if (exact != null) return (exact, exact);
            switch (operation)
            {
                case IConversionOperation conversion when !conversion.Conversion.IsUserDefined:
                    return Bounds(conversion.Operand, depth + 1);
                case IParenthesizedOperation parenthesized:
                    return Bounds(parenthesized.Operand, depth + 1);
                case IInvocationOperation invocation when IsSystemMath(invocation.TargetMethod):
                    return MathCall(invocation, depth);
                case IConditionalOperation conditional when conditional.WhenFalse != null:
                {
                    var whenTrue = Bounds(conditional.WhenTrue, depth + 1);
                    var whenFalse = Bounds(conditional.WhenFalse, depth + 1);
                    return (Least(whenTrue.Lower, whenFalse.Lower), Greatest(whenTrue.Upper, whenFalse.Upper));
                }

                case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.And && binary.OperatorMethod == null:
                {
                    long? mask = NonNegative(ConstantValues.TryGetInt64(binary.RightOperand)) ?? NonNegative(ConstantValues.TryGetInt64(binary.LeftOperand));
                    return mask == null ? (null, null) : (0, mask);
                }

                case ILocalReferenceOperation local:
                    return Tighter(Guards.Of(local), local.Local.IsRef ? (null, null) : Bounds(OperationIndex.For(local).InitializerIfNeverWritten(local.Local), depth + 1));
                case IParameterReferenceOperation parameter:
                    return Guards.Of(parameter);
                default:
                    return (null, null);
            }
        }

        private static (long? Lower, long? Upper) MathCall(IInvocationOperation invocation, int depth)
        {
            var arguments = invocation.Arguments;
            switch (invocation.TargetMethod.Name)
            {
                case "Min" when arguments.Length == 2:
                {
                    var a = Bounds(arguments[0].Value, depth + 1);
                    var b = Bounds(arguments[1].Value, depth + 1);
                    // At most the smaller upper bound either side has; at least the smaller of both lower bounds.
                    return (Least(a.Lower, b.Lower), Smaller(a.Upper, b.Upper));
                }

                case "Max" when arguments.Length == 2:
                {
                    var a = Bounds(arguments[0].Value, depth + 1);
                    var b = Bounds(arguments[1].Value, depth + 1);
                    return (Larger(a.Lower, b.Lower), Greatest(a.Upper, b.Upper));
                }

                case "Clamp" when arguments.Length == 3:
                {
                    IOperation? value = null, low = null, high = null;
                    foreach (var argument in arguments)
                    {
                        switch (argument.Parameter?.Ordinal)
                        {
                            case 0: value = argument.Value; break;
                            case 1: low = argument.Value; break;
                            case 2: high = argument.Value; break;
                        }
                    }

                    var x = Bounds(value, depth + 1);
                    return (Larger(x.Lower, Bounds(low, depth + 1).Lower), Smaller(x.Upper, Bounds(high, depth + 1).Upper));
                }

                default:
                    return (null, null);
            }
        }

        private static bool IsSystemMath(IMethodSymbol method) =>
            method.IsStatic && method.ContainingType?.Name == "Math" && method.ContainingNamespace?.Name == "System" &&
            method.ContainingNamespace.ContainingNamespace?.IsGlobalNamespace == true;

        /// <summary>The tighter of two ranges known for one value.</summary>
        internal static (long? Lower, long? Upper) Tighter((long? Lower, long? Upper) a, (long? Lower, long? Upper) b) =>
            (Larger(a.Lower, b.Lower), Smaller(a.Upper, b.Upper));

        /// <summary>The smaller of the known values (one known bound is enough).</summary>
        private static long? Smaller(long? a, long? b) => a == null ? b : b == null ? a : Math.Min(a.Value, b.Value);

        /// <summary>The larger of the known values (one known bound is enough).</summary>
        private static long? Larger(long? a, long? b) => a == null ? b : b == null ? a : Math.Max(a.Value, b.Value);

        /// <summary>The least of both (a bound over two alternatives needs both).</summary>
        private static long? Least(long? a, long? b) => a == null || b == null ? null : Math.Min(a.Value, b.Value);

        /// <summary>The greatest of both (a bound over two alternatives needs both).</summary>
        private static long? Greatest(long? a, long? b) => a == null || b == null ? null : Math.Max(a.Value, b.Value);

        private static long? NonNegative(long? value) => value >= 0 ? value : null;
    }
}
