using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace AllocAnalyzers.Flow
{
    /// <summary>
    /// "Does this operation run more than once per call?" — true when the control-flow graph has a
    /// path from the operation's block back to itself. A loop that always returns or breaks in its
    /// first iteration does not count. Successor tables are built once per graph.
    /// </summary>
    internal static class RepeatedExecution
    {
        private static readonly ConditionalWeakTable<ControlFlowGraph, FlowSuccessors> Successors = new ConditionalWeakTable<ControlFlowGraph, FlowSuccessors>();

        public static bool RunsRepeatedly(ControlFlowGraph graph, IOperation operation)
        {
            var location = FlowGraphLocator.Locate(graph, operation);
            if (location == null) return false;
            var successors = Successors.GetValue(location.Graph, g => new FlowSuccessors(g));
            return successors.IsOnCycle(location.Block.Ordinal);
        }
    }
}
