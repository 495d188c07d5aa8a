using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Flow
{
    /// <summary>
    /// The shared, flow-sensitive "buffer state" view of one allocation in one method: from this
    /// allocation to that point, can anything have written (or read) the buffer on some path?
    /// <para>
    /// It works on the IOperation control-flow graph of the innermost function holding the
    /// allocation (method, lambda or local function). The buffer is followed through the local it is
    /// stored in and through views bound to other locals (<c>var s = b.AsSpan();</c>,
    /// <c>var t = new Span&lt;byte&gt;(p, n);</c>); every use of those locals is a
    /// <see cref="BufferTouch"/> classified by <see cref="BufferTouchClassifier"/>.
    /// </para>
    /// <para>
    /// It is conservative by construction: any call that receives the buffer, any alias it cannot
    /// follow, any rebinding of a holding local, a holding local captured by a lambda or local
    /// function, a buffer not stored in a local, and a point in another function all make the
    /// answer "may have been written". Paths include loop back-edges (a point that can run again
    /// without a new allocation <see cref="BufferHistory.MayRepeat"/>) and exceptional edges into
    /// catch, filter and finally handlers (<see cref="HandlerSuccessors"/>).
    /// </para>
    /// </summary>
    internal sealed class BufferFlowView
    {
        private static readonly ConditionalWeakTable<ControlFlowGraph, GraphPaths> PathsCache = new ConditionalWeakTable<ControlFlowGraph, GraphPaths>();

        private readonly ControlFlowGraph _rootGraph;
        private readonly WellKnownTypes _types;
        private readonly FlowLocation? _allocation;
        private readonly GraphPaths? _paths;
        private readonly Position _allocationPosition;
        private readonly List<(Position Position, BufferTouch Touch)> _touches = new List<(Position, BufferTouch)>();
        private readonly HashSet<ILocalSymbol> _holdingLocals = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);

        private BufferFlowView(ControlFlowGraph rootGraph, IOperation allocation, WellKnownTypes types)
        {
            _rootGraph = rootGraph;
            _types = types;
            _allocation = FlowGraphLocator.Locate(rootGraph, allocation);
            if (_allocation == null)
            {
                UntrackedReason = "the allocation is not in the control-flow graph";
                return;
            }

            _paths = PathsCache.GetValue(_allocation.Graph, graph => new GraphPaths(graph));
            _allocationPosition = _paths.PositionOf(_allocation.Operation);
            var binding = FindBinding(_allocation.Operation);
            if (binding == null)
            {
                UntrackedReason = "the buffer is not stored in a local";
                return;
            }

            CollectTouches(binding);
            if (IsCaptured(allocation)) UntrackedReason = "a local holding the buffer is used by a lambda or local function";
        }

        /// <summary>
        /// The view of the buffer that <paramref name="allocation"/> (an operation of the original tree:
        /// an array creation, a stackalloc, an allocating call) creates, within <paramref name="graph"/>
        /// (the graph of the whole member body, as from <c>OperationAnalysisContext.GetControlFlowGraph()</c>).
        /// </summary>
        public static BufferFlowView Create(ControlFlowGraph graph, IOperation allocation, WellKnownTypes types) =>
            new BufferFlowView(graph, allocation, types);

        /// <summary>True when the buffer could be followed: stored in a local that no lambda or local function uses.</summary>
        public bool IsTracked => UntrackedReason == null;

        /// <summary>Why the buffer could not be followed, or null when it is tracked.</summary>
        public string? UntrackedReason { get; }

        /// <summary>The local the allocation is stored in, and the locals holding views of it.</summary>
        public IReadOnlyCollection<ILocalSymbol> HoldingLocals => _holdingLocals;

        /// <summary>Every use of the holding locals in the function, wherever it lies relative to the allocation.</summary>
        public IReadOnlyList<BufferTouch> AllTouches => _touches.Select(t => t.Touch).ToList();

        /// <summary>
        /// What may have happened to the buffer on the paths from the allocation to <paramref name="use"/>
        /// (an operation of the original tree, typically a call that receives the buffer: a clear, a
        /// copy, a native call). The uses inside <paramref name="use"/> itself are not counted: a caller
        /// must check that the use's own operands cannot write the buffer (ALLOC002 only accepts operands
        /// it can prove: constants, lengths, the buffer itself). When the
        /// buffer is not stored in a local but flows straight into <paramref name="use"/> through views
        /// (<c>new byte[n].AsSpan().Clear()</c>), the history is known and empty.
        /// </summary>
        public BufferHistory Before(IOperation use)
        {
            if (_allocation == null || _paths == null) return BufferHistory.Unknowable;
            var target = FlowGraphLocator.Locate(_rootGraph, use);
            if (target == null || target.Graph != _allocation.Graph) return BufferHistory.Unknowable;
            if (!IsTracked)
            {
                return FlowsStraightInto(_allocation.Operation, target.Operation)
                    ? new BufferHistory(true, true, false, new BufferTouch[0])
                    : BufferHistory.Unknowable;
            }

            var usePosition = _paths.PositionOf(target.Operation);
            var inside = new HashSet<IOperation>(target.Operation.DescendantsAndSelf());
            var walls = new Walls(_allocationPosition);

            var fromAllocation = _paths.Reach(_allocationPosition, walls);
            bool dominates = !_paths.Reach(Position.Entry, walls).Covers(usePosition);
            bool repeats = _paths.Reach(usePosition, walls).CoversFromTop(usePosition);

            var touches = new List<BufferTouch>();
            foreach (var (position, touch) in _touches)
            {
                if (inside.Contains(touch.Reference) || !fromAllocation.Covers(position)) continue;
                if (_paths.Reach(position, walls).Covers(usePosition)) touches.Add(touch);
            }

            return new BufferHistory(true, dominates, repeats, touches);
        }

        /// <summary>
        /// The uses of the buffer reachable from the allocation on paths that do not pass
        /// <paramref name="stop"/> (an operation of the original tree; for a statement such as a
        /// <c>for</c> loop, every operation inside it stops a path — exceptional edges out of it are
        /// still followed). Uses inside <paramref name="stop"/> are not counted. A rule that proves
        /// <paramref name="stop"/> overwrites the whole buffer asks this: if none of these touches can
        /// read, no path can observe the buffer's initial contents. <see cref="BufferHistory.AllocationDominates"/>
        /// tells whether every path to <paramref name="stop"/> passes the allocation; <see cref="BufferHistory.MayRepeat"/> is false.
        /// </summary>
        public BufferHistory ReachableWithout(IOperation stop)
        {
            if (_allocation == null || _paths == null || !IsTracked) return BufferHistory.Unknowable;
            var stopSyntax = stop.Syntax;
            if (stopSyntax.SyntaxTree != _allocation.Operation.Syntax.SyntaxTree) return BufferHistory.Unknowable;

            var stopPositions = _paths.PositionsWithin(stopSyntax);
            if (stopPositions.Count == 0) return BufferHistory.Unknowable;
            var walls = new Walls(_allocationPosition);
            foreach (var position in stopPositions) walls.Add(position);

            var fromAllocation = _paths.Reach(_allocationPosition, walls);
            var entryWalls = new Walls(_allocationPosition);
            var fromEntry = _paths.Reach(Position.Entry, entryWalls);
            bool dominates = stopPositions.All(p => !fromEntry.Covers(p));

            var touches = new List<BufferTouch>();
            foreach (var (position, touch) in _touches)
            {
                if (stopSyntax.Span.Contains(touch.Reference.Syntax.Span)) continue;
                if (fromAllocation.Covers(position)) touches.Add(touch);
            }

            return new BufferHistory(true, dominates, false, touches);
        }

        /// <summary>The reference that stores the allocation in a local, at statement level.</summary>
        private ILocalReferenceOperation? FindBinding(IOperation allocation)
        {
            IOperation node = allocation;
            while (node.Parent is IConversionOperation conversion && BufferTouchClassifier.IsTransparent(conversion, _types)) node = conversion;
            if (node.Parent is ISimpleAssignmentOperation assignment && assignment.Value == node && !assignment.IsRef &&
                assignment.Target is ILocalReferenceOperation target && !target.Local.IsRef &&
                (assignment.Parent == null || assignment.Parent is IExpressionStatementOperation))
            {
                return target;
            }

            return null;
        }

        /// <summary>Classifies every use of the holding locals; views bound to new locals add those locals, so this runs to a fixed point.</summary>
        private void CollectTouches(ILocalReferenceOperation binding)
        {
            var bindings = new HashSet<IOperation> { binding };
            _holdingLocals.Add(binding.Local);
            bool changed = true;
            while (changed)
            {
                changed = false;
                _touches.Clear();
                foreach (var (position, root) in _paths!.Roots)
                {
                    foreach (var node in root.DescendantsAndSelf())
                    {
                        if (!(node is ILocalReferenceOperation reference) || bindings.Contains(reference) || !_holdingLocals.Contains(reference.Local)) continue;
                        var access = BufferTouchClassifier.Classify(reference, _types, out var use, out var alias);
                        if (alias != null && bindings.Add(alias))
                        {
                            _holdingLocals.Add(alias.Local);
                            changed = true;
                        }

                        _touches.Add((position, new BufferTouch(reference, use, access)));
                    }
                }
            }
        }

        /// <summary>True when a holding local is used outside the allocation's own function (a lambda or local function may run at any call).</summary>
        private bool IsCaptured(IOperation allocation)
        {
            var function = allocation.EnclosingFunction();
            foreach (var node in allocation.Root().Descendants())
            {
                if (node is ILocalReferenceOperation reference && _holdingLocals.Contains(reference.Local) && !Equals(reference.EnclosingFunction(), function))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>An unstored buffer reaching the use only through conversions and views, as its receiver or an argument.</summary>
        private bool FlowsStraightInto(IOperation allocation, IOperation use)
        {
            IOperation node = allocation;
            while (node != use)
            {
                IOperation? parent = node.Parent;
                switch (parent)
                {
                    case null:
                        return false;
                    case IArgumentOperation argument when argument.Parent == use:
                        return true;
                    case IInvocationOperation invocation when invocation.Instance == node && (invocation == use || BufferTouchClassifier.IsViewMethod(invocation.TargetMethod)):
                        node = invocation;
                        continue;
                    case IConversionOperation conversion when BufferTouchClassifier.IsTransparent(conversion, _types):
                    case IParenthesizedOperation _:
                        node = parent;
                        continue;
                    case IArgumentOperation argument when BufferTouchClassifier.IsViewConstruction(argument, _types) && argument.Parent != null:
                        node = argument.Parent;
                        continue;
                    default:
                        return parent == use;
                }
            }

            return true;
        }
    }
}
