using System.Collections.Generic;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace AllocAnalyzers.Flow
{
    /// <summary>
    /// The exceptional edges that <see cref="FlowSuccessors"/> leaves out: any operation inside a try
    /// may throw, so every block of a try region (at any nesting depth) can continue in the catch,
    /// filter and finally handlers of that try. A flow question that must hold on every path
    /// ("nothing wrote the buffer") needs these edges: a write in a catch block is on a path too.
    /// </summary>
    internal sealed class HandlerSuccessors
    {
        private readonly List<int>[] _handlers;

        public HandlerSuccessors(ControlFlowGraph graph)
        {
            var blocks = graph.Blocks;
            _handlers = new List<int>[blocks.Length];
            foreach (var block in blocks)
            {
                var list = new List<int>();
                for (var region = block.EnclosingRegion; region != null; region = region.EnclosingRegion)
                {
                    if (region.Kind != ControlFlowRegionKind.Try || region.EnclosingRegion == null) continue;
                    foreach (var sibling in region.EnclosingRegion.NestedRegions)
                    {
                        if (sibling != region) list.Add(sibling.FirstBlockOrdinal);
                    }
                }

                _handlers[block.Ordinal] = list;
            }
        }

        /// <summary>First blocks of the handlers an exception thrown in the block may run.</summary>
        public IReadOnlyList<int> Of(int blockOrdinal) => _handlers[blockOrdinal];
    }
}
