using AllocAnalyzers.Diagnostics;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using AllocAnalyzers.Runtime.Estimates;
using AllocAnalyzers.Runtime.Formatting;
using AllocAnalyzers.Summaries;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Rules.LargeAllocationInLoop
{
    /// <summary>ALLOC001's message and figures for one allocation repeated in a loop.</summary>
    internal static class LargeAllocationInLoopReport
    {
        /// <summary>
        /// 'new byte[ChunkSize]' allocates and zeroes 1,048,576 bytes (1 MiB) on the Large Object Heap on every loop iteration: about 57 µs per iteration on Linux x64;
        /// across methods: '...' allocates ... on every call of ReadChunk, called on every iteration of the loop in Download (ChunkReader.cs:35): about 57 µs per call on Linux x64.
        /// </summary>
        public const string MessageFormat = "'{0}' {1} {2}: about {3} per {4} {5}{6}";

        /// <param name="repeatedBy">Why the function runs repeatedly when no loop of its own repeats the allocation; null for a loop around it.</param>
        public static Diagnostic Create(BufferAllocation allocation, AnalysisSession session, RepeatedBy? repeatedBy)
        {
            long bytes = allocation.Bytes ?? 0;
            var syntax = allocation.Operation.Syntax;
            var basis = EstimateBasis.For(session.CostProfile);
            // StringBuilder's first chunk is uninitialized on .NET 5+: price, and say, what the runtime really does.
            var estimate = allocation.Zeroed
                ? ManagedAllocationCosts.RepeatedArrayAllocation(bytes, session.CostProfile)
                : ManagedAllocationCosts.UninitializedArrayAllocation(bytes, session.CostProfile);
            string what = (allocation.Zeroed ? "allocates and zeroes " : "allocates ") + CostFormat.BytesExact(bytes)
                + (estimate.LargeObjectHeap ? " on the Large Object Heap" : string.Empty);
            var measured = session.Measured.At(syntax);
            var figures = DiagnosticFigures
                .For(RuleIds.LargeAllocationInLoop, syntax, repeatedBy == null ? Repetition.LoopIteration : Repetition.Call, bytes, estimate.BytesZeroed, estimate.Seconds, basis)
                .Explained(estimate.Explanation)
                .Measured(measured)
                .RepeatedBy(repeatedBy);
            string when = repeatedBy == null ? "on every loop iteration" : repeatedBy.Phrase;
            string unit = repeatedBy == null ? "iteration" : repeatedBy.Cause == RepetitionCause.CalledInLoop || repeatedBy.Chain[0] != RepeatedBy.LambdaName ? "call" : "run";
            // The loop of another method is an additional location: a click on the diagnostic can show it.
            var additional = repeatedBy?.Site == null ? null : new[] { repeatedBy.Site };
            return Diagnostic.Create(session.HelpLinks.For(LargeAllocationInLoopAnalyzer.Rule), syntax.GetLocation(), additional, figures.ToProperties(),
                SyntaxText.Short(syntax), what, when, CostFormat.Duration(estimate.Seconds), unit, basis.Phrase, measured?.Describe() ?? string.Empty);
        }
    }
}
