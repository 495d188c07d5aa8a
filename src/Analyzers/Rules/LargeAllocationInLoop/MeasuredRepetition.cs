using AllocAnalyzers.Flow;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using AllocAnalyzers.Profiles;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Rules.LargeAllocationInLoop
{
    /// <summary>
    /// ALLOC001 from measured evidence: a zeroed managed allocation whose size or repetition the code
    /// does not prove, but which a site summary measured large and frequent at its line
    /// (<see cref="MeasuredEvidence"/>). The buffer must still not outlive what repeats: the iteration
    /// when the allocation lies on a cycle of a loop in its method, otherwise the call (the whole body
    /// is the unit, so a buffer returned, stored or captured escapes), since a buffer that is kept is
    /// not allocated for nothing however often the line runs.
    /// </summary>
    internal static class MeasuredRepetition
    {
        public static MeasuredEvidence? Find(OperationAnalysisContext context, BufferAllocation allocation, long thresholdBytes, AnalysisSession session)
        {
            if (!allocation.Zeroed) return null;
            var operation = allocation.Operation;
            var evidence = MeasuredEvidence.For(session.Measured.At(operation.Syntax), allocation.Bytes, thresholdBytes);
            if (evidence == null) return null;

            var loop = LoopSyntax.InnermostLoop(operation.Syntax);
            var unit = loop != null && RepeatedExecution.RunsRepeatedly(context.GetControlFlowGraph(), operation, context.CancellationToken) ? loop : null;
            return IterationEscapeAnalysis.MayOutliveIteration(operation, unit, session.Types) ? null : evidence;
        }
    }
}
