using System.Linq;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using Microsoft.CodeAnalysis;

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
