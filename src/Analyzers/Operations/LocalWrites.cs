using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations
{
    /// <summary>Whether a reference to a local writes it (or could, through a reference handed out).</summary>
    internal static class LocalWrites
    {
        public static bool IsWrite(ILocalReferenceOperation reference)
        {
            IOperation? parent = reference.Parent;
            switch (parent)
            {
                case IAssignmentOperation assignment when assignment.Target == reference:
                    return true;
                case IIncrementOrDecrementOperation _:
                    return true;
                case IArgumentOperation argument:
                    return argument.Parameter?.RefKind == RefKind.Ref || argument.Parameter?.RefKind == RefKind.Out;
                case IAddressOfOperation _:
                    return true;
                case IDeconstructionAssignmentOperation _:
                    return true;
                case ITupleOperation tuple when tuple.Parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target == tuple:
                    return true;
                case IVariableInitializerOperation initializer when initializer.Parent is IVariableDeclaratorOperation declarator && declarator.Symbol.IsRef:
                    return true;
                case IReturnOperation _ when reference.Local.IsRef:
                    return true;
                default:
                    return reference.IsDeclaration;
            }
        }
    }
}
