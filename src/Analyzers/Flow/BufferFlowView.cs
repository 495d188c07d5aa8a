using System.Collections.Generic;
using System.Linq;
using System.Threading;
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
    /// <see cref="BufferUse"/> classified by <see cref="BufferUseClassifier"/>.
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
        private readonly FlowGraphIndex _rootIndex;
        private readonly WellKnownTypes _types;
        private readonly CancellationToken _cancellationToken;
        private readonly FlowLocation? _allocation;
        private readonly Position _allocationPosition;
        private readonly List<(Position Position, BufferUse Touch)> _touches = new List<(Position, BufferUse)>();
        private readonly HashSet<ILocalSymbol> _holdingLocals = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);

        private BufferFlowView(ControlFlowGraph rootGraph, IOperation allocation, WellKnownTypes types, CancellationToken cancellationToken)
        {
            _rootIndex = FlowGraphIndex.For(rootGraph, cancellationToken);
            _types = types;
            _cancellationToken = cancellationToken;
            _allocation = _rootIndex.Locate(allocation, cancellationToken);
            if (_allocation == null)
            {
                UntrackedReason = "the allocation is not in the control-flow graph";
                return;
            }

            _allocationPosition = _allocation.Position;
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
        public static BufferFlowView Create(ControlFlowGraph graph, IOperation allocation, WellKnownTypes types, CancellationToken cancellationToken = default) =>
            new BufferFlowView(graph, allocation, types, cancellationToken);

        /// <summary>
        /// A necessary condition for <see cref="IsTracked"/>, read from the original tree before any graph
        /// is built: the local the allocation (through conversions) initializes or is assigned to, or
        /// null. The graph turns every other parent (a return, an argument, a field, an array element, a
        /// branch of a conditional) into something that is not a local's binding, so a rule that needs a
        /// tracked buffer can skip building the graph for those, which on real code are most
        /// allocations. <c>??=</c> counts as well: the graph lowers it to a plain assignment.
        /// </summary>
        public static ILocalSymbol? LocalBoundInTree(IOperation allocation)
        {
            switch (allocation.ParentSkippingConversions(out var value))
            {
                case IVariableInitializerOperation initializer:
                    return (initializer.Parent as IVariableDeclaratorOperation)?.Symbol;
                case ISimpleAssignmentOperation assignment when assignment.Value == value && assignment.Target is ILocalReferenceOperation local:
                    return local.Local;
                case ICoalesceAssignmentOperation coalesce when coalesce.Value == value && coalesce.Target is ILocalReferenceOperation local:
                    return local.Local;
                default:
                    return null;
            }
        }

        /// <summary>True when the buffer could be followed: stored in a local that no lambda or local function uses.</summary>
        public bool IsTracked => UntrackedReason == null;

        /// <summary>Why the buffer could not be followed, or null when it is tracked.</summary>
        public string? UntrackedReason { get; }

        /// <summary>The local the allocation is stored in, and the locals holding views of it.</summary>
        public IReadOnlyCollection<ILocalSymbol> HoldingLocals => _holdingLocals;

        /// <summary>Every use of the holding locals in the function, wherever it lies relative to the allocation.</summary>
        public IReadOnlyList<BufferUse> AllTouches => _touches.Select(t => t.Touch).ToList();

        /// <summary>
        /// What may have happened to the buffer on the paths from the allocation to <paramref name="use"/>
        /// (an operation of the original tree, typically a call that receives the buffer: a clear, a
        /// copy, a native call). The uses inside <paramref name="use"/> itself are not counted: a caller
        /// must check that the use's own operands cannot write the buffer (ALLOC002 only accepts operands
        /// it can prove: constants, lengths, the buffer itself). When the
        /// buffer is not stored in a local but flows straight into <paramref name="use"/> through views
        /// (<c>new byte[n].AsSpan().Clear()</c>), the history is known and empty.
        /// <para>Cost: one forward and one backward search of the region holding the buffer's locals, and a lookup per touch.</para>
        /// </summary>
        public BufferHistory Before(IOperation use)
        {
            if (_allocation == null) return BufferHistory.Unknowable;
            var target = _rootIndex.Locate(use, _cancellationToken);
            if (target == null || target.Index != _allocation.Index) return BufferHistory.Unknowable;
            if (!IsTracked)
            {
                return FlowsStraightInto(_allocation.Operation, target.Operation)
                    ? new BufferHistory(true, true, false, new BufferUse[0])
                    : BufferHistory.Unknowable;
            }

            var index = _allocation.Index;
            var usePosition = target.Position;
            var inside = new HashSet<IOperation>(target.Operation.DescendantsAndSelf());
            var walls = new Walls(_allocationPosition);
            var range = index.Bounds.For(_holdingLocals, new[] { _allocationPosition, usePosition });

            var fromAllocation = PathSearch.Forward(index, _allocationPosition, walls, range);
            var towardUse = PathSearch.Backward(index, new[] { usePosition }, walls, range);
            bool dominates = !towardUse.ReachedFromRangeEntry;
            bool repeats = towardUse.LeavesTowardTargets(usePosition);

            var touches = new List<BufferUse>();
            foreach (var (position, touch) in _touches)
            {
                if (inside.Contains(touch.Reference) || !fromAllocation.Covers(position)) continue;
                if (towardUse.Reaches(position)) touches.Add(touch);
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
            if (_allocation == null || !IsTracked) return BufferHistory.Unknowable;
            var stopSyntax = stop.Syntax;
            if (stopSyntax.SyntaxTree != _allocation.Operation.Syntax.SyntaxTree) return BufferHistory.Unknowable;

            var index = _allocation.Index;
            var stopPositions = index.PositionsWithin(stopSyntax);
            if (stopPositions.Count == 0) return BufferHistory.Unknowable;
            var walls = new Walls(_allocationPosition);
            foreach (var position in stopPositions) walls.Add(position);
            var range = index.Bounds.For(_holdingLocals, stopPositions.Concat(new[] { _allocationPosition }));

            var fromAllocation = PathSearch.Forward(index, _allocationPosition, walls, range);
            bool dominates = !PathSearch.Backward(index, stopPositions, new Walls(_allocationPosition), range).ReachedFromRangeEntry;

            var touches = new List<BufferUse>();
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
            while (node.Parent is IConversionOperation conversion && BufferViews.IsTransparent(conversion, _types)) node = conversion;
            if (node.Parent is ISimpleAssignmentOperation assignment && assignment.Value == node && !assignment.IsRef &&
                assignment.Target is ILocalReferenceOperation target && !target.Local.IsRef &&
                (assignment.Parent == null || assignment.Parent is IExpressionStatementOperation))
            {
                return target;
            }

            return null;
        }

        /// <summary>
        /// Classifies every use of the holding locals, found through the graph's index. A view bound to
        /// a new local (<c>var s = b.AsSpan();</c>) adds that local, whose uses are classified in turn.
        /// </summary>
        private void CollectTouches(ILocalReferenceOperation binding)
        {
            var index = _allocation!.Index;
            var bindings = new HashSet<IOperation> { binding };
            var pending = new Queue<ILocalSymbol>();
            _holdingLocals.Add(binding.Local);
            pending.Enqueue(binding.Local);
            while (pending.Count > 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                foreach (var (position, reference) in index.References(pending.Dequeue()))
                {
                    if (bindings.Contains(reference) || HalfTypedCode.Contains(reference)) continue;
                    var use = BufferUseClassifier.Classify(reference, reference.Local.Type, _types, out var alias);
                    if (alias != null && bindings.Add(alias) && _holdingLocals.Add(alias.Local)) pending.Enqueue(alias.Local);
                    _touches.Add((position, use));
                }
            }

            // A reference found to bind an alias only after it was classified is that binding, not a use.
            _touches.RemoveAll(t => bindings.Contains(t.Touch.Reference));
            _touches.Sort((a, b) => a.Position.Block != b.Position.Block ? a.Position.Block.CompareTo(b.Position.Block)
                : a.Position.Index != b.Position.Index ? a.Position.Index.CompareTo(b.Position.Index)
                : a.Touch.Reference.Syntax.SpanStart.CompareTo(b.Touch.Reference.Syntax.SpanStart));
        }

        /// <summary>True when a holding local is used by a lambda or local function other than its own (which may run at any call).</summary>
        private bool IsCaptured(IOperation allocation)
        {
            var locals = OperationIndex.For(allocation, _cancellationToken);
            foreach (var local in _holdingLocals)
            {
                if (locals.IsCaptured(local)) return true;
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
                    case IInvocationOperation invocation when invocation.Instance == node && (invocation == use || BufferViews.IsViewMethod(invocation.TargetMethod)):
                        node = invocation;
                        continue;
                    case IConversionOperation conversion when BufferViews.IsTransparent(conversion, _types):
                    case IParenthesizedOperation _:
                        node = parent;
                        continue;
                    case IArgumentOperation argument when BufferViews.IsViewConstruction(argument, _types) && argument.Parent != null:
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
