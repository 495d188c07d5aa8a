using System.Threading;
using AllocAnalyzers.Flow;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Rules.LargeZeroedStackalloc
{
    /// <summary>
    /// "Does the code read the zeros the JIT wrote?" — then they are the point of the buffer (an
    /// end-of-archive block of zeros handed to <c>Write</c>, a bit table built with <c>|=</c>), and
    /// <c>[SkipLocalsInit]</c> would change what the program computes. True when the block goes
    /// straight to a read-only parameter, or when some read of it (an element read, a compound
    /// assignment, a read-only span argument) has no write before it on any path from the
    /// allocation (<see cref="BufferFlowView"/>). A call that may write (<c>stream.Read(span)</c>)
    /// counts as writing: the usual reason to have the buffer at all.
    /// </summary>
    internal static class ZeroReads
    {
        public static bool AreRead(IOperation allocation, WellKnownTypes types, CancellationToken cancellationToken)
        {
            var parent = allocation.ParentSkippingConversions(out _);
            if (parent is IArgumentOperation argument && argument.Parameter != null && argument.Parameter.RefKind == RefKind.None &&
                BufferViews.IsReadOnlyView(argument.Parameter.Type, types))
            {
                return true;
            }

            var graph = FlowGraphs.For(allocation.Root());
            if (graph == null) return false;
            var view = BufferFlowView.Create(graph, allocation, types, cancellationToken);
            if (!view.IsTracked) return false;
            foreach (var touch in view.AllTouches)
            {
                if ((touch.Access & BufferAccess.Read) == 0 || touch.Access == BufferAccess.Unknown) continue;
                var history = view.Before(touch.Reference);
                if (history.IsKnown && (history.Access & BufferAccess.Write) == 0) return true;
            }

            return false;
        }
    }
}
