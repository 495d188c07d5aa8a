using System.Collections.Generic;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace AllocAnalyzers.Flow
{
    /// <summary>
    /// Normal-flow successors of each block of a graph, with finally regions stitched in: a branch
    /// that leaves a try runs its finally blocks first, and the end of a finally continues to every
    /// place such a branch was going. Exceptional edges (into catch handlers) are not followed:
    /// the rules reason about what happens when nothing throws.
    /// </summary>
    internal sealed class FlowSuccessors
    {
        private readonly List<int>[] _successors;

        public FlowSuccessors(ControlFlowGraph graph)
        {
            var blocks = graph.Blocks;
            _successors = new List<int>[blocks.Length];
            for (int i = 0; i < blocks.Length; i++) _successors[i] = new List<int>();

            foreach (var block in blocks)
            {
                AddBranch(block, block.FallThroughSuccessor, blocks);
                AddBranch(block, block.ConditionalSuccessor, blocks);
            }
        }

        public IReadOnlyList<int> Of(int blockOrdinal) => _successors[blockOrdinal];

        private void AddBranch(BasicBlock from, ControlFlowBranch? branch, System.Collections.Immutable.ImmutableArray<BasicBlock> blocks)
        {
            if (branch == null) return;
            int current = from.Ordinal;
            foreach (var region in branch.FinallyRegions)
            {
                _successors[current].Add(region.FirstBlockOrdinal);
                current = region.LastBlockOrdinal;
            }

            if (branch.Destination != null) _successors[current].Add(branch.Destination.Ordinal);
        }

        /// <summary>True when the block can be reached again from itself: its operations may run more than once.</summary>
        public bool IsOnCycle(int blockOrdinal)
        {
            var seen = new bool[_successors.Length];
            var stack = new Stack<int>(_successors[blockOrdinal]);
            while (stack.Count > 0)
            {
                int next = stack.Pop();
                if (next == blockOrdinal) return true;
                if (seen[next]) continue;
                seen[next] = true;
                foreach (int successor in _successors[next]) stack.Push(successor);
            }

            return false;
        }
    }
}
