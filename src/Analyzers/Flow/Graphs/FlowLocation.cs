using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace AllocAnalyzers.Flow
{
    /// <summary>Where an operation sits in a control-flow graph: the innermost graph (method, lambda or local function), its block and position.</summary>
    internal sealed class FlowLocation
    {
        public FlowLocation(FlowGraphIndex index, BasicBlock block, IOperation operation, Position position)
        {
            Index = index;
            Block = block;
            Operation = operation;
            Position = position;
        }

        /// <summary>The index of the innermost graph holding the operation.</summary>
        public FlowGraphIndex Index { get; }

        public ControlFlowGraph Graph => Index.Graph;

        public BasicBlock Block { get; }

        /// <summary>The operation's counterpart inside the graph (graphs hold lowered copies of the tree).</summary>
        public IOperation Operation { get; }

        /// <summary>The position of the root operation holding it.</summary>
        public Position Position { get; }
    }
}
