using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace AllocAnalyzers.Flow
{
    /// <summary>
    /// The blocks a buffer's path searches may stay within: the smallest local-lifetime region that
    /// declares every local holding the buffer (and holds the positions asked about), widened to an
    /// enclosing region while the region can be entered other than through its first block.
    /// <para>
    /// Why leaving the region loses nothing: every reference to a holding local lies in the region,
    /// so every touch does; and a path that leaves the region can only come back through its first
    /// block, where C#'s definite assignment makes every holding local unassigned again — before
    /// the buffer can be used through any of them, the local is assigned anew, by the allocation
    /// (where the searches stop anyway: a new buffer) or by something else (and then the local no
    /// longer holds this buffer). So the searches cost the size of the region, not of the method:
    /// a method of many independent loops is analysed in time linear in its length.
    /// </para>
    /// </summary>
    internal sealed class SearchBounds
    {
        private readonly ControlFlowGraph _graph;
        private readonly Dictionary<ILocalSymbol, ControlFlowRegion> _declaring = new Dictionary<ILocalSymbol, ControlFlowRegion>(SymbolEqualityComparer.Default);
        private readonly HashSet<ControlFlowRegion> _multiEntry = new HashSet<ControlFlowRegion>();

        public SearchBounds(ControlFlowGraph graph, FlowEdges edges)
        {
            _graph = graph;
            var pending = new Stack<ControlFlowRegion>();
            pending.Push(graph.Root);
            while (pending.Count > 0)
            {
                var region = pending.Pop();
                foreach (var local in region.Locals) _declaring[local] = region;
                foreach (var nested in region.NestedRegions) pending.Push(nested);
            }

            for (int from = 0; from < edges.BlockCount; from++)
            {
                foreach (int to in edges.Normal(from)) MarkEntries(from, to);
                foreach (int to in edges.Handlers(from)) MarkEntries(from, to);
            }
        }

        /// <summary>
        /// The range of block ordinals to search for a buffer held by <paramref name="locals"/>, asked
        /// about at <paramref name="positions"/>. The whole graph when a local is not declared in it.
        /// </summary>
        public BlockRange For(IEnumerable<ILocalSymbol> locals, IEnumerable<Position> positions)
        {
            ControlFlowRegion? region = null;
            foreach (var local in locals)
            {
                if (!_declaring.TryGetValue(local, out var declaring)) return Whole;
                region = region == null ? declaring : Common(region, declaring);
            }

            foreach (var position in positions)
            {
                var enclosing = _graph.Blocks[position.Block].EnclosingRegion;
                region = region == null ? enclosing : Common(region, enclosing);
            }

            if (region == null) return Whole;
            while (_multiEntry.Contains(region) && region.EnclosingRegion != null) region = region.EnclosingRegion;
            return new BlockRange(region.FirstBlockOrdinal, region.LastBlockOrdinal);
        }

        private BlockRange Whole => new BlockRange(0, _graph.Blocks.Length - 1);

        /// <summary>Marks every region that the edge enters somewhere other than at its first block.</summary>
        private void MarkEntries(int from, int to)
        {
            for (var region = _graph.Blocks[to].EnclosingRegion; region != null; region = region.EnclosingRegion)
            {
                if (Contains(region, from)) return;
                if (to != region.FirstBlockOrdinal) _multiEntry.Add(region);
            }
        }

        private static bool Contains(ControlFlowRegion region, int block) => region.FirstBlockOrdinal <= block && block <= region.LastBlockOrdinal;

        private static ControlFlowRegion Common(ControlFlowRegion a, ControlFlowRegion b)
        {
            var ancestors = new HashSet<ControlFlowRegion>();
            for (var r = a; r != null; r = r.EnclosingRegion) ancestors.Add(r);
            for (var r = b; r != null; r = r.EnclosingRegion)
            {
                if (ancestors.Contains(r)) return r;
            }

            return a;
        }
    }

    /// <summary>A contiguous range of block ordinals (CFG regions are contiguous).</summary>
    internal readonly struct BlockRange
    {
        public BlockRange(int first, int last)
        {
            First = first;
            Last = last;
        }

        public int First { get; }
        public int Last { get; }

        public bool Contains(int block) => First <= block && block <= Last;
    }
}
