using System.Collections.Generic;
using AllocAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations
{
    /// <summary>
    /// Collects every use of a local that holds a buffer (an array or a native pointer), following
    /// <c>fixed</c> pointers into the array they pin and locals declared from it, each classified by
    /// <see cref="BufferUseClassifier"/>. Lengths given to native calls count in bytes
    /// (the C convention) — for arrays of wider elements that understates the extent only when the
    /// native API counts elements, and the rules use the extent as an upper bound of what is touched
    /// only for byte-sized elements.
    /// </summary>
    internal static class BufferUses
    {
        /// <summary>
        /// The uses of a freshly created buffer: through the local it is stored in, or — when it is
        /// passed straight to a call — that one use. Null when it goes anywhere else.
        /// </summary>
        public static List<BufferUse>? OfValue(IOperation value, WellKnownTypes types, out ILocalSymbol? local)
        {
            local = BufferLocals.Receiver(value);
            if (local != null) return Of(local, value, types);
            var parent = value.ParentSkippingConversions(out IOperation child);
            if (!(parent is IArgumentOperation)) return null;
            return new List<BufferUse> { BufferUseClassifier.Classify(child, child.Type ?? value.Type, types, out _) };
        }

        public static List<BufferUse> Of(ILocalSymbol local, IOperation anchor, WellKnownTypes types)
        {
            var uses = new List<BufferUse>();
            Collect(local, anchor, types, uses, 0);
            return uses;
        }

        private static void Collect(ILocalSymbol local, IOperation anchor, WellKnownTypes types, List<BufferUse> uses, int depth)
        {
            foreach (var reference in BufferLocals.References(anchor, local))
            {
                if (LocalWrites.IsWrite(reference) && reference.IsDeclaration) continue;
                if (HalfTypedCode.Contains(reference)) continue;
                if (reference.Parent is IAssignmentOperation assignment && assignment.Target == reference)
                {
                    uses.Add(new BufferUse(reference, BufferUseKind.Other, assignment, null, null, BufferAccess.Unknown, assignment));
                    continue;
                }

                var pinned = PinnedPointer(reference);
                if (pinned != null && depth < 2)
                {
                    Collect(pinned, anchor, types, uses, depth + 1);
                    continue;
                }

                var alias = Alias(reference, anchor);
                if (alias != null && depth < 2)
                {
                    Collect(alias, anchor, types, uses, depth + 1);
                    continue;
                }

                uses.Add(BufferUseClassifier.Classify(reference, reference.Local.Type, types, out _));
            }
        }

        /// <summary>
        /// A local declared from the buffer and never written again (<c>byte* b = (byte*)p;</c>,
        /// <c>var copy = buffer;</c>): its uses are the buffer's uses.
        /// </summary>
        private static ILocalSymbol? Alias(ILocalReferenceOperation reference, IOperation anchor)
        {
            var parent = reference.ParentSkippingConversions(out _);
            if (!(parent is IVariableInitializerOperation initializer) || !(initializer.Parent is IVariableDeclaratorOperation declarator)) return null;
            if (declarator.Symbol.IsRef || declarator.Syntax.Parent?.Parent is FixedStatementSyntax) return null;
            return BufferLocals.IsWrittenElsewhere(BufferLocals.References(anchor, declarator.Symbol), null) ? null : declarator.Symbol;
        }

        /// <summary>The pointer declared by <c>fixed (T* p = buffer)</c> or <c>fixed (T* p = &amp;buffer[0])</c>.</summary>
        private static ILocalSymbol? PinnedPointer(ILocalReferenceOperation reference)
        {
            IOperation? current = reference.Parent;
            if (current is IArrayElementReferenceOperation element && element.ArrayReference == reference &&
                element.Indices.Length == 1 && ConstantValues.TryGetInt64(element.Indices[0]) == 0 && element.Parent is IAddressOfOperation address)
            {
                current = address.Parent;
            }

            while (current != null && (current.Kind == OperationKind.None || current is IConversionOperation) && !(current.Syntax is ElementAccessExpressionSyntax))
            {
                if (current is IVariableInitializerOperation) break;
                current = current.Parent;
            }

            if (current is IVariableInitializerOperation initializer && initializer.Parent is IVariableDeclaratorOperation declarator &&
                declarator.Syntax.Parent?.Parent is FixedStatementSyntax)
            {
                return declarator.Symbol;
            }

            return null;
        }
    }
}
