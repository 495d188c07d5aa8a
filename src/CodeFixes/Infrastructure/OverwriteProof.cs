using AllocAnalyzers.Flow;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.CodeFixes.Infrastructure
{
    /// <summary>
    /// The shared flow view's proof, for fixes that reuse or rent a buffer: from the allocation on,
    /// every element is written before any is read (and before the allocation runs again). Then the
    /// buffer's initial contents can never be seen, so whatever it held before (an earlier iteration's
    /// data, a pooled array's leftovers) needs no clearing.
    /// </summary>
    internal static class OverwriteProof
    {
        public static bool EveryElementWrittenBeforeRead(IOperation allocation, WellKnownTypes types)
        {
            var memory = BufferRecognizer.Recognize(allocation, types);
            var graph = FlowGraphs.Create(allocation.Root());
            if (memory == null || !memory.IsZeroedMemory || graph == null) return false;
            var view = BufferFlowView.Create(graph, allocation, types);
            return view.IsTracked && OverwriteBeforeRead.Find(allocation, memory, view, types) != null;
        }
    }
}
