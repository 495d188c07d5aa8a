using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace AllocAnalyzers.Flow
{
    /// <summary>Where an operation sits in a control-flow graph: the innermost graph (method, lambda or local function) and its block.</summary>
    internal sealed class FlowLocation
    {
        public FlowLocation(ControlFlowGraph graph, BasicBlock block, IOperation operation)
        {
            Graph = graph;
            Block = block;
            Operation = operation;
        }

        public ControlFlowGraph Graph { get; }
        public BasicBlock Block { get; }

        /// <summary>The operation's counterpart inside the graph (graphs hold lowered copies of the tree).</summary>
        public IOperation Operation { get; }
    }
}
