using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations
{
    /// <summary>Whether a value is all-zero bits: what a fresh buffer already holds.</summary>
    internal static class ZeroValues
    {
        public static bool IsZero(IOperation? operation)
        {
            if (operation == null) return false;
            // A user-defined conversion may turn 0 into anything: only built-in ones are looked through.
            while (operation is IConversionOperation conversion && !conversion.Conversion.IsUserDefined) operation = conversion.Operand;
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
