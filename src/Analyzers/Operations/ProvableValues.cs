using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations
{
    /// <summary>
    /// Compares integer expressions without running them: equal constants, or reads of the same
    /// parameter or local that nothing in the member writes (so both reads see one value).
    /// </summary>
    internal static class ProvableValues
    {
        public static bool AreEqual(IOperation? left, IOperation? right)
        {
            if (left == null || right == null) return false;
            long? l = ConstantValues.TryGetInt64(left), r = ConstantValues.TryGetInt64(right);
            if (l != null && r != null) return l == r;
            var a = Strip(left);
            var b = Strip(right);
            switch (a)
            {
                case IParameterReferenceOperation p when b is IParameterReferenceOperation q && SymbolEqualityComparer.Default.Equals(p.Parameter, q.Parameter):
                    return p.Parameter.RefKind == RefKind.None && !IsWrittenAnywhere(a, p.Parameter);
                case ILocalReferenceOperation x when b is ILocalReferenceOperation y && SymbolEqualityComparer.Default.Equals(x.Local, y.Local):
                    return !x.Local.IsRef && !IsWrittenAnywhere(a, x.Local);
                case IPropertyReferenceOperation x when x.Property.Name == "Length" && x.Instance != null && b is IPropertyReferenceOperation y && y.Property.Name == "Length" && y.Instance != null:
                    return IsLengthOf(a, y.Instance);
                default:
                    return false;
            }
        }

        /// <summary>
        /// True when <paramref name="count"/> is <c>x.Length</c> and <paramref name="value"/> reads the same
        /// parameter or local <c>x</c> that nothing in the member writes: arrays, spans and strings never change length.
        /// </summary>
        public static bool IsLengthOf(IOperation? count, IOperation? value)
        {
            if (count == null || value == null) return false;
            if (!(Strip(count) is IPropertyReferenceOperation property) || property.Property.Name != "Length" || property.Instance == null) return false;
            var type = property.Instance.Type;
            bool fixedLength = type is IArrayTypeSymbol || type?.SpecialType == SpecialType.System_String || type?.IsRefLikeType == true;
            return fixedLength && SameUnwrittenVariable(property.Instance, value);
        }

        private static bool SameUnwrittenVariable(IOperation left, IOperation right)
        {
            var a = Strip(left);
            var b = Strip(right);
            switch (a)
            {
                case IParameterReferenceOperation p when b is IParameterReferenceOperation q && SymbolEqualityComparer.Default.Equals(p.Parameter, q.Parameter):
                    return p.Parameter.RefKind == RefKind.None && !IsWrittenAnywhere(a, p.Parameter);
                case ILocalReferenceOperation x when b is ILocalReferenceOperation y && SymbolEqualityComparer.Default.Equals(x.Local, y.Local):
                    return !x.Local.IsRef && !IsWrittenAnywhere(a, x.Local);
                default:
                    return false;
            }
        }

        /// <summary>True when <paramref name="value"/> is provably at most <paramref name="limit"/>, and not negative.</summary>
        public static bool IsWithin(IOperation? value, IOperation? limit, long? limitValue)
        {
            long? v = ConstantValues.TryGetInt64(value);
            if (v != null && limitValue != null) return v >= 0 && v <= limitValue;
            return AreEqual(value, limit);
        }

        private static IOperation Strip(IOperation operation)
        {
            while (operation is IConversionOperation conversion && !conversion.Conversion.IsUserDefined) operation = conversion.Operand;
            return operation;
        }

        /// <summary>True when a write (assignment, ++, ref/out, address-of) of the symbol appears anywhere in the member.</summary>
        public static bool IsWrittenAnywhere(IOperation anyOperation, ISymbol symbol)
        {
            var index = OperationIndex.For(anyOperation);
            switch (symbol)
            {
                case ILocalSymbol local:
                    foreach (var reference in index.References(local))
                    {
                        if (LocalWrites.IsWrite(reference) && !IsInitializer(reference)) return true;
                    }

                    return false;
                case IParameterSymbol parameter:
                    foreach (var reference in index.References(parameter))
                    {
                        if (IsWriteContext(reference)) return true;
                    }

                    return false;
                default:
                    return true;
            }
        }

        private static bool IsInitializer(ILocalReferenceOperation reference) => reference.IsDeclaration && !(reference.Parent is IAssignmentOperation);

        private static bool IsWriteContext(IOperation reference)
        {
            switch (reference.Parent)
            {
                case IAssignmentOperation assignment when assignment.Target == reference:
                case IIncrementOrDecrementOperation _:
                case IAddressOfOperation _:
                case ITupleOperation tuple when tuple.Parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target == tuple:
                    return true;
                case IArgumentOperation argument:
                    return argument.Parameter?.RefKind == RefKind.Ref || argument.Parameter?.RefKind == RefKind.Out;
                default:
                    return false;
            }
        }
    }
}
