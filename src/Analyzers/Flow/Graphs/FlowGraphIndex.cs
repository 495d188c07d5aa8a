using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Flow
{
    /// <summary>
    /// Everything the flow questions need from one control-flow graph, built once per graph and
    /// shared by every buffer, rule and analyzer that asks: the position of each root operation,
    /// where each operation of the original tree landed (graphs hold lowered copies), the references
    /// of each local with their positions, the edges both ways (<see cref="FlowEdges"/>), which blocks
    /// lie on a cycle, and the local-lifetime regions that bound a buffer's searches
    /// (<see cref="SearchBounds"/>).
    /// <para>
    /// Cost: one walk of the graph's operations and one pass over its blocks and regions, linear in
    /// the size of the graph. Every per-candidate question afterwards is a lookup, or a search
    /// confined to the region where the candidate's locals live.
    /// </para>
    /// </summary>
    internal sealed class FlowGraphIndex
    {
        private static readonly ConditionalWeakTable<ControlFlowGraph, FlowGraphIndex> Cache = new ConditionalWeakTable<ControlFlowGraph, FlowGraphIndex>();
        private static readonly IReadOnlyList<(Position, ILocalReferenceOperation)> NoReferences = new (Position, ILocalReferenceOperation)[0];

        private readonly Dictionary<IOperation, Position> _rootPositions = new Dictionary<IOperation, Position>();
        private readonly List<(Position Position, IOperation Root)> _roots = new List<(Position, IOperation)>();
        private readonly Dictionary<SyntaxNode, List<(IOperation Operation, Position Position)>> _bySyntax = new Dictionary<SyntaxNode, List<(IOperation, Position)>>();
        private readonly Dictionary<ILocalSymbol, List<(Position, ILocalReferenceOperation)>> _references = new Dictionary<ILocalSymbol, List<(Position, ILocalReferenceOperation)>>(SymbolEqualityComparer.Default);
        private readonly List<IFlowAnonymousFunctionOperation> _lambdas = new List<IFlowAnonymousFunctionOperation>();
        private readonly CancellationToken _cancellationToken;
        private FlowEdges? _edges;
        private bool[]? _onCycle;
        private SearchBounds? _bounds;

        private FlowGraphIndex(ControlFlowGraph graph, CancellationToken cancellationToken)
        {
            Graph = graph;
            _cancellationToken = cancellationToken;
            var stack = new Stack<IOperation>();
            var children = new List<IOperation>();
            foreach (var block in graph.Blocks)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int index = 0;
                foreach (var operation in block.Operations) AddRoot(operation, new Position(block.Ordinal, index++), stack, children);
                if (block.BranchValue != null) AddRoot(block.BranchValue, new Position(block.Ordinal, index), stack, children);
            }

        }

        public static FlowGraphIndex For(ControlFlowGraph graph, CancellationToken cancellationToken = default) =>
            Cache.GetValue(graph, g => new FlowGraphIndex(g, cancellationToken));

        public ControlFlowGraph Graph { get; }

        // Built on first use: most methods only ever ask where an operation is, or whether it repeats.
        public FlowEdges Edges => _edges ??= new FlowEdges(Graph);

        public SearchBounds Bounds => _bounds ??= new SearchBounds(Graph, Edges);

        /// <summary>Every root operation of the graph with its position, in block order.</summary>
        public IReadOnlyList<(Position Position, IOperation Root)> Roots => _roots;

        /// <summary>True when the block can run again after itself (it lies on a cycle of normal edges).</summary>
        public bool IsOnCycle(int block) => (_onCycle ??= CycleFinder.BlocksOnCycles(Edges, _cancellationToken))[block];

        /// <summary>The position of the root holding <paramref name="operation"/> (an operation of this graph).</summary>
        public Position PositionOf(IOperation operation)
        {
            while (operation.Parent != null) operation = operation.Parent;
            return _rootPositions.TryGetValue(operation, out var position) ? position : Position.Entry;
        }

        /// <summary>References of <paramref name="local"/> in this graph (not in nested lambdas or local functions), with their positions.</summary>
        public IReadOnlyList<(Position Position, ILocalReferenceOperation Reference)> References(ILocalSymbol local) =>
            _references.TryGetValue(local, out var list) ? list : NoReferences;

        /// <summary>
        /// Where <paramref name="target"/> (an operation of the original tree) landed: the innermost graph
        /// (this one, or a lambda's or local function's) and its copy there; null when it is in no graph.
        /// The match is by syntax node and operation kind.
        /// </summary>
        public FlowLocation? Locate(IOperation target, CancellationToken cancellationToken = default)
        {
            var syntax = target.Syntax;
            foreach (var localFunction in Graph.LocalFunctions)
            {
                foreach (var reference in localFunction.DeclaringSyntaxReferences)
                {
                    if (reference.SyntaxTree == syntax.SyntaxTree && reference.Span.Contains(syntax.Span))
                    {
                        return For(Graph.GetLocalFunctionControlFlowGraph(localFunction, cancellationToken), cancellationToken).Locate(target, cancellationToken);
                    }
                }
            }

            var lambda = LambdaAround(syntax);
            if (lambda != null) return For(Graph.GetAnonymousFunctionControlFlowGraph(lambda, cancellationToken), cancellationToken).Locate(target, cancellationToken);

            if (!_bySyntax.TryGetValue(syntax, out var candidates)) return null;
            foreach (var (operation, position) in candidates)
            {
                if (operation.Kind == target.Kind) return new FlowLocation(this, Graph.Blocks[position.Block], operation, position);
            }

            return null;
        }

        /// <summary>Positions of the roots that lie inside <paramref name="syntax"/> or hold an operation of exactly that syntax.</summary>
        public List<Position> PositionsWithin(SyntaxNode syntax)
        {
            var result = new List<Position>();
            var seen = new HashSet<(int, int)>();
            if (_bySyntax.TryGetValue(syntax, out var exact))
            {
                foreach (var (_, position) in exact)
                {
                    if (seen.Add((position.Block, position.Index))) result.Add(position);
                }
            }

            // Roots inside the syntax are found by their own syntax nodes (a node with the same span,
            // such as the argument around an expression, counts as inside).
            var outer = syntax;
            while (outer.Parent != null && outer.Parent.Span == syntax.Span) outer = outer.Parent;
            foreach (var node in outer.DescendantNodesAndSelf())
            {
                if (!_bySyntax.TryGetValue(node, out var list)) continue;
                foreach (var (operation, position) in list)
                {
                    if (operation.Parent == null && seen.Add((position.Block, position.Index))) result.Add(position);
                }
            }

            return result;
        }

        private IFlowAnonymousFunctionOperation? LambdaAround(SyntaxNode syntax)
        {
            // Lambdas of one graph never nest (an inner lambda belongs to the outer lambda's graph).
            foreach (var lambda in _lambdas)
            {
                if (lambda.Syntax != syntax && lambda.Syntax.SyntaxTree == syntax.SyntaxTree && lambda.Syntax.Span.Contains(syntax.Span)) return lambda;
            }

            return null;
        }

        private void AddRoot(IOperation root, Position position, Stack<IOperation> stack, List<IOperation> children)
        {
            _rootPositions[root] = position;
            _roots.Add((position, root));
            stack.Clear();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var operation = stack.Pop();
                if (!_bySyntax.TryGetValue(operation.Syntax, out var list)) _bySyntax[operation.Syntax] = list = new List<(IOperation, Position)>(1);
                list.Add((operation, position));
                switch (operation)
                {
                    case ILocalReferenceOperation local:
                        if (!_references.TryGetValue(local.Local, out var references)) _references[local.Local] = references = new List<(Position, ILocalReferenceOperation)>();
                        references.Add((position, local));
                        break;
                    case IFlowAnonymousFunctionOperation lambda:
                        _lambdas.Add(lambda);
                        break;
                }

                // Reverse push keeps pre-order, so that the first match of a syntax node is the outermost, as a walk finds it.
                children.Clear();
                children.AddRange(operation.ChildOperations);
                for (int i = children.Count - 1; i >= 0; i--) stack.Push(children[i]);
            }
        }
    }
}
