using System.Collections.Generic;

namespace AllocAnalyzers.Flow
{
    /// <summary>
    /// Path searches over one graph within a <see cref="BlockRange"/>, stopping at walls: forward from
    /// a position (what can run after it), and backward from target positions (what can still lead
    /// to them). Each costs one pass over the range, so a question about a buffer that compares many
    /// touches against one point is two searches and a lookup per touch, not a search per touch.
    /// Exceptional edges into handlers are followed from anywhere in a block, walls or not: an
    /// exception can leave a block before its wall.
    /// </summary>
    internal static class PathSearch
    {
        /// <summary>Everything reachable from just after <paramref name="start"/> without going past a wall.</summary>
        public static Reachability Forward(FlowGraphIndex index, Position start, Walls walls, BlockRange range)
        {
            var edges = index.Edges;
            var topEnds = new Dictionary<int, int>();
            var pending = new Stack<int>();
            int? wall = walls.FirstAfter(start.Block, start.Index);
            int startEnd = wall ?? LastIndex(index, start.Block);
            if (wall == null) Push(pending, edges.Normal(start.Block), range);
            Push(pending, edges.Handlers(start.Block), range);

            while (pending.Count > 0)
            {
                int block = pending.Pop();
                if (topEnds.ContainsKey(block)) continue;
                wall = walls.FirstAfter(block, -1);
                topEnds[block] = wall ?? LastIndex(index, block);
                if (wall == null) Push(pending, edges.Normal(block), range);
                Push(pending, edges.Handlers(block), range);
            }

            return new Reachability(start, startEnd, topEnds);
        }

        /// <summary>The blocks from whose top some path reaches one of <paramref name="targets"/> without going past a wall.</summary>
        public static BackwardReach Backward(FlowGraphIndex index, IReadOnlyList<Position> targets, Walls walls, BlockRange range)
        {
            var edges = index.Edges;
            var top = new HashSet<int>();
            var pending = new Stack<int>();
            foreach (var target in targets)
            {
                if (!range.Contains(target.Block)) continue;
                int? wall = walls.FirstAfter(target.Block, -1);
                if ((wall == null || wall >= target.Index) && top.Add(target.Block)) pending.Push(target.Block);
            }

            while (pending.Count > 0)
            {
                int block = pending.Pop();
                foreach (int predecessor in edges.NormalPredecessors(block))
                {
                    if (range.Contains(predecessor) && walls.FirstAfter(predecessor, -1) == null && top.Add(predecessor)) pending.Push(predecessor);
                }

                foreach (int predecessor in edges.HandlerPredecessors(block))
                {
                    if (range.Contains(predecessor) && top.Add(predecessor)) pending.Push(predecessor);
                }
            }

            return new BackwardReach(index, targets, walls, range, top);
        }

        internal static int LastIndex(FlowGraphIndex index, int block)
        {
            var b = index.Graph.Blocks[block];
            return b.Operations.Length + (b.BranchValue != null ? 1 : 0) - 1;
        }

        private static void Push(Stack<int> stack, IReadOnlyList<int> blocks, BlockRange range)
        {
            foreach (int block in blocks)
            {
                if (range.Contains(block)) stack.Push(block);
            }
        }
    }
}
