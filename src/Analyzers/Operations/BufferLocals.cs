using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations
{
    /// <summary>Follows a buffer (array or native pointer) from its allocation into the local that holds it, and finds that local's uses.</summary>
    internal static class BufferLocals
    {
        /// <summary>
        /// The local that receives <paramref name="value"/> directly (<c>var p = ...</c>, <c>p = ...</c>,
        /// through casts), or null when the value goes anywhere else.
        /// </summary>
        public static ILocalSymbol? Receiver(IOperation value)
        {
            IOperation? parent = value.ParentSkippingConversions(out IOperation child);
            switch (parent)
            {
                case IVariableInitializerOperation initializer when initializer.Parent is IVariableDeclaratorOperation declarator && !declarator.Symbol.IsRef:
                    return declarator.Symbol;
                case ISimpleAssignmentOperation assignment when assignment.Value == child && assignment.Target is ILocalReferenceOperation target && !target.Local.IsRef:
                    return target.Local;
                default:
                    return null;
            }
        }

        /// <summary>Every reference to <paramref name="local"/> in the operation tree that contains <paramref name="anchor"/>.</summary>
        public static IReadOnlyList<ILocalReferenceOperation> References(IOperation anchor, ILocalSymbol local) =>
            OperationIndex.For(anchor).References(local);

        /// <summary>True when the local is written anywhere other than at <paramref name="allowedWrite"/> (its declaration or assignment).</summary>
        public static bool IsWrittenElsewhere(IEnumerable<ILocalReferenceOperation> references, IOperation? allowedWrite)
        {
            foreach (var reference in references)
            {
                if (!LocalWrites.IsWrite(reference)) continue;
                if (reference.Parent == allowedWrite) continue;
                return true;
            }

            return false;
        }
    }
}
