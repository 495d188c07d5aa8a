using System.Threading;
using AllocAnalyzers.Flow;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using AllocAnalyzers.Summaries;
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
    /// counts as writing — the usual reason to have the buffer at all — except a source method that
    /// updates the parameter's elements in place (<c>counts[b]++</c>), which reads the zeros first.
    /// </summary>
    internal static class ZeroReads
    {
        public static bool AreRead(IOperation allocation, WellKnownTypes types, CompilationSummaries summaries, CancellationToken cancellationToken)
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
                if (HandedToAnUpdater(touch.Reference, summaries))
                {
                    // A histogram handed to Count(data, counts) that does counts[b]++: read as zero first.
                    var before = view.Before(touch.Reference);
                    if (before.IsKnown && (before.Access & BufferAccess.Write) == 0) return true;
                    continue;
                }

                if ((touch.Access & BufferAccess.Read) == 0 || touch.Access == BufferAccess.Unknown) continue;
                var history = view.Before(touch.Reference);
                if (history.IsKnown && (history.Access & BufferAccess.Write) == 0) return true;
            }

            return false;
        }

        /// <summary>The block is an argument of a source method that updates that parameter's elements in place (<see cref="ElementUpdates"/>).</summary>
        private static bool HandedToAnUpdater(IOperation reference, CompilationSummaries summaries) =>
            reference.ParentSkippingConversions(out _) is IArgumentOperation { Parameter: { } parameter, Parent: IInvocationOperation call } &&
            summaries.UpdatesElementsOf(call.TargetMethod, parameter.Ordinal);
    }
}
