using System.Collections.Generic;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace AllocAnalyzers.Flow
{
    /// <summary>
    /// The edges of one control-flow graph, both ways. Normal edges have finally regions stitched in:
    /// a branch that leaves a try runs its finally blocks first, and the end of a finally continues
    /// to every place such a branch was going. Handler edges are the exceptional ones: any operation
    /// inside a try may throw, so every block of a try region (at any depth) can continue in the
    /// catch, filter and finally handlers of that try — a flow question that must hold on every path
    /// ("nothing wrote the buffer") needs them, because a write in a catch block is on a path too.
    /// Whether a block runs again (<see cref="CycleFinder"/>) looks at normal edges only: the rules
    /// reason about what happens when nothing throws.
    /// </summary>
    internal sealed class FlowEdges
    {
        private readonly List<int>[] _normal;
        private readonly List<int>[] _handlers;
        private readonly List<int>[] _normalPredecessors;
        private readonly List<int>[] _handlerPredecessors;

        public FlowEdges(ControlFlowGraph graph)
        {
            var blocks = graph.Blocks;
            int count = blocks.Length;
            _normal = NewLists(count);
            _handlers = NewLists(count);
            _normalPredecessors = NewLists(count);
            _handlerPredecessors = NewLists(count);

            foreach (var block in blocks)
            {
                AddBranch(block, block.FallThroughSuccessor);
                AddBranch(block, block.ConditionalSuccessor);
                for (var region = block.EnclosingRegion; region != null; region = region.EnclosingRegion)
                {
                    if (region.Kind != ControlFlowRegionKind.Try || region.EnclosingRegion == null) continue;
                    foreach (var sibling in region.EnclosingRegion.NestedRegions)
                    {
                        if (sibling == region) continue;
                        _handlers[block.Ordinal].Add(sibling.FirstBlockOrdinal);
                        _handlerPredecessors[sibling.FirstBlockOrdinal].Add(block.Ordinal);
                    }
                }
            }
        }

        public int BlockCount => _normal.Length;

        /// <summary>Where a block continues when it completes normally.</summary>
        public IReadOnlyList<int> Normal(int block) => _normal[block];

        /// <summary>First blocks of the handlers an exception thrown in the block may run.</summary>
        public IReadOnlyList<int> Handlers(int block) => _handlers[block];

        /// <summary>Blocks that continue normally into <paramref name="block"/>.</summary>
        public IReadOnlyList<int> NormalPredecessors(int block) => _normalPredecessors[block];

        /// <summary>Blocks whose exceptions may continue in <paramref name="block"/> (a handler's first block).</summary>
        public IReadOnlyList<int> HandlerPredecessors(int block) => _handlerPredecessors[block];

        private void AddBranch(BasicBlock from, ControlFlowBranch? branch)
        {
            if (branch == null) return;
            int current = from.Ordinal;
            foreach (var region in branch.FinallyRegions)
            {
                Link(current, region.FirstBlockOrdinal);
                current = region.LastBlockOrdinal;
            }

            if (branch.Destination != null) Link(current, branch.Destination.Ordinal);
        }

        private void Link(int from, int to)
        {
            _normal[from].Add(to);
            _normalPredecessors[to].Add(from);
        }

        private static List<int>[] NewLists(int count)
        {
            var lists = new List<int>[count];
            for (int i = 0; i < count; i++) lists[i] = new List<int>();
            return lists;
        }
    }
}
