using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Flow
{
    /// <summary>
    /// Path searches over one control-flow graph, shared by every view of that graph: the positions
    /// of its root operations and the blocks reachable from a position, following normal edges
    /// (<see cref="FlowSuccessors"/>, with finally regions) and exceptional edges into handlers
    /// (<see cref="HandlerSuccessors"/>), stopping at walls.
    /// </summary>
    internal sealed class GraphPaths
    {
        private readonly ControlFlowGraph _graph;
        private readonly FlowSuccessors _normal;
        private readonly HandlerSuccessors _handlers;
        private readonly Dictionary<IOperation, Position> _positions = new Dictionary<IOperation, Position>();
        private readonly List<(Position, IOperation)> _roots = new List<(Position, IOperation)>();

        public GraphPaths(ControlFlowGraph graph)
        {
            _graph = graph;
            _normal = new FlowSuccessors(graph);
            _handlers = new HandlerSuccessors(graph);
            foreach (var block in graph.Blocks)
            {
                int index = 0;
                foreach (var operation in block.Operations) AddRoot(operation, new Position(block.Ordinal, index++));
                if (block.BranchValue != null) AddRoot(block.BranchValue, new Position(block.Ordinal, index));
            }
        }

        /// <summary>Every root operation of the graph with its position, in block order.</summary>
        public IReadOnlyList<(Position Position, IOperation Root)> Roots => _roots;

        /// <summary>The position of the root holding <paramref name="operation"/> (an operation of this graph).</summary>
        public Position PositionOf(IOperation operation)
        {
            while (operation.Parent != null) operation = operation.Parent;
            return _positions.TryGetValue(operation, out var position) ? position : Position.Entry;
        }

        /// <summary>Positions of the roots that lie inside <paramref name="syntax"/> or contain an operation of exactly that syntax.</summary>
        public List<Position> PositionsWithin(SyntaxNode syntax)
        {
            var result = new List<Position>();
            foreach (var (position, root) in _roots)
            {
                if (root.Syntax.SyntaxTree != syntax.SyntaxTree) continue;
                if (syntax.Span.Contains(root.Syntax.Span)) result.Add(position);
                else if (root.Syntax.Span.Contains(syntax.Span) && ContainsSyntax(root, syntax)) result.Add(position);
            }

            return result;
        }

        /// <summary>Everything reachable from just after <paramref name="start"/> without going past a wall.</summary>
        public Reachability Reach(Position start, Walls walls)
        {
            var topEnds = new Dictionary<int, int>();
            var pending = new Stack<int>();
            int? wall = walls.FirstAfter(start.Block, start.Index);
            int startEnd = wall ?? LastIndex(start.Block);
            if (wall == null) Push(pending, _normal.Of(start.Block));
            Push(pending, _handlers.Of(start.Block));

            while (pending.Count > 0)
            {
                int block = pending.Pop();
                if (topEnds.ContainsKey(block)) continue;
                wall = walls.FirstAfter(block, -1);
                topEnds[block] = wall ?? LastIndex(block);
                if (wall == null) Push(pending, _normal.Of(block));
                Push(pending, _handlers.Of(block));
            }

            return new Reachability(start, startEnd, topEnds);
        }

        private int LastIndex(int block)
        {
            var b = _graph.Blocks[block];
            return b.Operations.Length + (b.BranchValue != null ? 1 : 0) - 1;
        }

        private static void Push(Stack<int> stack, IReadOnlyList<int> blocks)
        {
            foreach (int block in blocks) stack.Push(block);
        }

        private void AddRoot(IOperation root, Position position)
        {
            _positions[root] = position;
            _roots.Add((position, root));
        }

        private static bool ContainsSyntax(IOperation root, SyntaxNode syntax)
        {
            foreach (var node in root.DescendantsAndSelf())
            {
                if (node.Syntax == syntax) return true;
            }

            return false;
        }
    }
}
