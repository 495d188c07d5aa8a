using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Summaries
{
    /// <summary>
    /// "Can this statement write what a clear is about to clear?" — asked of the statements before a
    /// helper's clear (<see cref="HelperClear"/>) and of those between a field's allocation and the
    /// call that clears it (<see cref="FieldClearingCall"/>). For a parameter: any use of it, any call
    /// or construction. For a field: any use of that field, any call of this object's methods or
    /// property accessors, the object handed out, a lambda. Other fields may be set freely (a Reset
    /// zeroes counters too).
    /// </summary>
    internal static class StateWrites
    {
        public static bool MayWrite(IOperation statement, ISymbol target)
        {
            foreach (var operation in statement.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IParameterReferenceOperation parameter when SymbolEqualityComparer.Default.Equals(parameter.Parameter, target):
                    case IFieldReferenceOperation field when SymbolEqualityComparer.Default.Equals(field.Field, target):
                    case IInvocationOperation _ when target is IParameterSymbol:
                    case IObjectCreationOperation _ when target is IParameterSymbol:
                    case IInvocationOperation call when call.Instance is IInstanceReferenceOperation:
                    case IPropertyReferenceOperation property when property.Instance is IInstanceReferenceOperation:
                    case IInstanceReferenceOperation instance when !(instance.Parent is IMemberReferenceOperation) && !(instance.Parent is IInvocationOperation):
                    case IAnonymousFunctionOperation _:
                        return true;
                }
            }

            return false;
        }
    }
}
