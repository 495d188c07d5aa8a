using System.Collections.Generic;
using System.Linq;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Flow
{
    /// <summary>
    /// "Is every element of this fresh buffer written before any element is read?" — an operation that
    /// overwrites the whole buffer (<see cref="FullOverwrites"/>) such that no path from the allocation
    /// that avoids it can read the buffer or hand it to code that might
    /// (<see cref="BufferFlowView.ReachableWithout"/>). Used by ALLOC004 (uninitialized arrays) and the
    /// ALLOC005 fix (<c>[SkipLocalsInit]</c>): either way the initial contents become unobservable.
    /// </summary>
    internal static class OverwriteBeforeRead
    {
        /// <summary>
        /// A necessary condition for <see cref="Find"/>, asked before any graph is built: some use of
        /// <paramref name="binding"/> (the local the allocation is stored in, <see cref="BufferFlowView.LocalBoundInTree"/>)
        /// or of a local initialized or assigned from an expression using it — a superset of the view's
        /// holding locals — lies inside a call named as a full overwrite or an element-store loop, as
        /// <see cref="FullOverwrites.Around"/> requires. Most arrays are filled by calls that may write
        /// less (<c>Read</c>, a decoder), and for those the graph and the view would be built for nothing.
        /// </summary>
        public static bool MayFind(IOperation allocation, ILocalSymbol binding)
        {
            var index = OperationIndex.For(allocation);
            var locals = new List<ILocalSymbol> { binding };
            var seen = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default) { binding };
            for (int i = 0; i < locals.Count; i++)
            {
                foreach (var reference in index.References(locals[i]))
                {
                    for (IOperation? node = reference.Parent; node != null && !IsBoundary(node); node = node.Parent)
                    {
                        if (FullOverwrites.IsCandidate(node)) return true;
                        var assigned = AssignedLocal(node);
                        if (assigned != null && seen.Add(assigned)) locals.Add(assigned);
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// The local that <paramref name="node"/> declares or assigns (its value holds the use below it),
        /// or null. Only a local that can hold the buffer or a view of it is followed: a count or a sum
        /// (<c>total += stream.Read(b, …)</c>) cannot, and following one would walk every use of it in the
        /// method from every allocation — quadratic in a long method.
        /// </summary>
        private static ILocalSymbol? AssignedLocal(IOperation node)
        {
            var local = node switch
            {
                IVariableDeclaratorOperation declarator => declarator.Symbol,
                ISimpleAssignmentOperation assignment when assignment.Target is ILocalReferenceOperation target => target.Local,
                _ => null,
            };
            return local == null || local.Type.SpecialType != SpecialType.None || local.Type.TypeKind == TypeKind.Enum ? null : local;
        }

        /// <summary>Where <see cref="FullOverwrites.Around"/> stops climbing, widened to every block: a superset of its range.</summary>
        private static bool IsBoundary(IOperation node) =>
            node is IMethodBodyOperation || node is IAnonymousFunctionOperation || node is ILocalFunctionOperation || (node is IBlockOperation && !(node.Parent is IForLoopOperation));

        /// <summary>The proven overwrite (an operation of the original tree), or null.</summary>
        public static IOperation? Find(IOperation allocation, BufferAllocation memory, BufferFlowView view, WellKnownTypes types)
        {
            if (!view.IsTracked) return null;
            var index = OperationIndex.For(allocation);
            foreach (var reference in view.HoldingLocals.SelectMany(local => index.References(local)).OrderBy(r => r.Syntax.SpanStart))
            {
                var overwrite = FullOverwrites.Around(reference, memory, view.HoldingLocals, types);
                if (overwrite == null) continue;
                var history = view.ReachableWithout(overwrite);
                if (history.IsKnown && (history.Access & BufferAccess.Read) == 0) return overwrite;
            }

            return null;
        }
    }
}
