using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations
{
    /// <summary>
    /// Proves the value of an integer expression at compile time: constants and const fields (the
    /// compiler folds those), arithmetic over provable operands (so <c>count * sizeof(MyStruct)</c>
    /// works), locals that are assigned once from a provable value and never written again, and
    /// readonly fields (static, or instance fields of a class) initialized with a provable value and
    /// never assigned elsewhere.
    /// Anything else is unknown (null): a rule must never flag on a size it cannot prove.
    /// </summary>
    internal static class ConstantValues
    {
        private const int MaxDepth = 16;

        public static long? TryGetInt64(IOperation? operation) => Evaluate(operation, 0);

        private static long? Evaluate(IOperation? operation, int depth)
        {
            if (operation == null || depth > MaxDepth) return null;
            if (operation.ConstantValue.HasValue) return ToInt64(operation.ConstantValue.Value);

            switch (operation)
            {
                case IConversionOperation conversion when !conversion.Conversion.IsUserDefined:
                    return Evaluate(conversion.Operand, depth + 1);
                case IParenthesizedOperation parenthesized:
                    return Evaluate(parenthesized.Operand, depth + 1);
                case ISizeOfOperation sizeOf:
                    return TypeSizes.ElementSize(sizeOf.TypeOperand);
                case IBinaryOperation binary when binary.OperatorMethod == null:
                    return Binary(binary, depth);
                case ILocalReferenceOperation local:
                    return SingleAssignmentLocal(local, depth);
                case IFieldReferenceOperation field:
                    return ReadonlyField(field, depth);
                default:
                    return null;
            }
        }

        private static long? Binary(IBinaryOperation binary, int depth)
        {
            long? left = Evaluate(binary.LeftOperand, depth + 1);
            if (left == null) return null;
            long? right = Evaluate(binary.RightOperand, depth + 1);
            if (right == null) return null;
            long l = left.Value, r = right.Value;
            try
            {
                checked
                {
                    switch (binary.OperatorKind)
                    {
                        case BinaryOperatorKind.Add: return l + r;
                        case BinaryOperatorKind.Subtract: return l - r;
                        case BinaryOperatorKind.Multiply: return l * r;
                        case BinaryOperatorKind.Divide: return r == 0 ? (long?)null : l / r;
                        case BinaryOperatorKind.Remainder: return r == 0 ? (long?)null : l % r;
                        case BinaryOperatorKind.LeftShift: return r < 0 || r > 62 ? (long?)null : l << (int)r;
                        case BinaryOperatorKind.RightShift: return r < 0 || r > 63 ? (long?)null : l >> (int)r;
                        case BinaryOperatorKind.And: return l & r;
                        case BinaryOperatorKind.Or: return l | r;
                        default: return null;
                    }
                }
            }
            catch (OverflowException)
            {
                return null;
            }
        }

        /// <summary>A local whose only write is its declaration's initializer.</summary>
        private static long? SingleAssignmentLocal(ILocalReferenceOperation reference, int depth)
        {
            ILocalSymbol local = reference.Local;
            if (local.IsRef || local.IsConst) return null;
            var initializer = OperationIndex.For(reference).InitializerIfNeverWritten(local);
            return initializer == null ? null : Evaluate(initializer, depth + 1);
        }

        /// <summary>A readonly field whose initializer is its only value (<see cref="ReadonlyFieldInitializers"/>).</summary>
        private static long? ReadonlyField(IFieldReferenceOperation reference, int depth) =>
            IsInteger(reference.Field.Type) ? Evaluate(ReadonlyFieldInitializers.OnlyValue(reference.Field, reference.SemanticModel?.Compilation), depth + 1) : null;

        /// <summary>Only an integer field can hold a size: other readonly fields (buffers, options) are not worth reading a type for.</summary>
        private static bool IsInteger(ITypeSymbol type)
        {
            switch (type.SpecialType)
            {
                case SpecialType.System_Byte:
                case SpecialType.System_SByte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_IntPtr:
                case SpecialType.System_UIntPtr:
                case SpecialType.System_Char:
                    return true;
                default:
                    return false;
            }
        }

        private static long? ToInt64(object? value)
        {
            switch (value)
            {
                case int i: return i;
                case long l: return l;
                case short s: return s;
                case byte b: return b;
                case sbyte sb: return sb;
                case ushort us: return us;
                case uint ui: return ui;
                case ulong ul when ul <= long.MaxValue: return (long)ul;
                case char c: return c;
                default: return null;
            }
        }
    }
}
