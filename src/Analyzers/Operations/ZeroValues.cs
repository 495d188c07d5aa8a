using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations
{
    /// <summary>Whether a value is all-zero bits: what a fresh buffer already holds.</summary>
    internal static class ZeroValues
    {
        private static bool IsValuePreserving(CommonConversion conversion) =>
            !conversion.IsUserDefined && (conversion.IsIdentity || conversion.IsNumeric || conversion.IsImplicit && !conversion.IsReference);

        public static bool IsZero(IOperation? operation)
        {
            if (operation == null) return false;
            // The stored value has the operation's own type: a reference (or a nullable) is all-zero
            // only when it is null — Array.Fill(objects, 0) stores boxed zeros, Fill(nullableInts, 0) stores HasValue = true.
            var stored = operation.Type;
            if (stored != null && (stored.IsReferenceType || stored.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T || stored.TypeKind == TypeKind.TypeParameter))
            {
                return operation.WithoutConversions() is IDefaultValueOperation || (operation.ConstantValue.HasValue && operation.ConstantValue.Value == null);
            }

            // Only value-preserving built-in conversions (numeric, constant, identity) are looked through:
            // a user-defined conversion may turn 0 into anything.
            while (operation is IConversionOperation conversion && IsValuePreserving(conversion.Conversion)) operation = conversion.Operand;
            if (operation is IConversionOperation || operation is IObjectCreationOperation) return false;
            if (operation is IDefaultValueOperation) return true;
            if (!operation.ConstantValue.HasValue) return false;
            switch (operation.ConstantValue.Value)
            {
                case null: return true;
                case bool b: return !b;
                case char c: return c == '\0';
                case byte v: return v == 0;
                case sbyte v: return v == 0;
                case short v: return v == 0;
                case ushort v: return v == 0;
                case int v: return v == 0;
                case uint v: return v == 0;
                case long v: return v == 0;
                case ulong v: return v == 0;
                // -0.0 is not all-zero bits: compare the bits, not the values.
                case double d: return BitConverter.DoubleToInt64Bits(d) == 0;
                case float f: return BitConverter.DoubleToInt64Bits(f) == 0;
                case decimal m: return m == 0m && decimal.GetBits(m)[3] == 0;
                default: return false;
            }
        }
    }
}
