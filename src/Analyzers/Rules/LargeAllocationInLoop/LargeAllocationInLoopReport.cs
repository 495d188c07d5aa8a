using AllocAnalyzers.Diagnostics;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using AllocAnalyzers.Profiles;
using AllocAnalyzers.Runtime.Estimates;
using AllocAnalyzers.Runtime.Formatting;
using AllocAnalyzers.Summaries;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Rules.LargeAllocationInLoop
{
    /// <summary>ALLOC001's message and figures for one allocation repeated in a loop, or measured repeating.</summary>
    internal static class LargeAllocationInLoopReport
    {
        /// <summary>
        /// 'new byte[ChunkSize]' allocates and zeroes 1,048,576 bytes (1 MiB) on the Large Object Heap on every loop iteration: about 57 µs per iteration on Linux x64.
        /// Across methods: '...' allocates ... on every call of ReadChunk from the loop in Download (ChunkReader.cs:35): about 57 µs per call on Linux x64.
        /// 'new byte[size]' allocated and zeroed about 1,048,600 bytes (1 MiB) per allocation, 4,097 times, in the measured profile 'seed.sites.tsv' (rank 1 of 6): about 28 µs per allocation on Linux x64.
        /// </summary>
        public const string MessageFormat = "'{0}' {1}: about {2} per {3} {4}{5}";

        /// <summary>A size and a repetition the code proves; a site summary's figures at the line are added when there are any.</summary>
        /// <param name="repeatedBy">Why the function runs repeatedly when no loop of its own repeats the allocation; null for a loop around it.</param>
        public static Diagnostic Create(BufferAllocation allocation, AnalysisSession session, RepeatedBy? repeatedBy)
        {
            // Priced at the exact size, or at a proven lower bound of it (Math.Max(n, 1 << 20)): "at least".
            long bytes = allocation.Bytes ?? allocation.MinimumBytes ?? 0;
            var syntax = allocation.Operation.Syntax;
            var basis = EstimateBasis.For(session.CostProfile);
            // StringBuilder's first chunk is uninitialized on .NET 5+: price, and say, what the runtime really does.
            var estimate = allocation.Zeroed
                ? ManagedAllocationCosts.RepeatedArrayAllocation(bytes, session.CostProfile)
                : ManagedAllocationCosts.UninitializedArrayAllocation(bytes, session.CostProfile);
            string what = (allocation.Zeroed ? "allocates and zeroes " : "allocates ") + (allocation.Bytes == null ? "at least " : string.Empty) + CostFormat.BytesExact(bytes)
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
                SyntaxText.Short(syntax), what + " " + when, CostFormat.Duration(estimate.Seconds), unit, basis.Phrase, measured?.Describe() ?? string.Empty);
        }

        /// <summary>
        /// A repetition, and where the code does not prove it a size, that only the profile shows
        /// (<see cref="MeasuredRepetition"/>). The message says so and quotes the measured figures; one
        /// occurrence is one allocation (<see cref="Repetition.MeasuredAllocation"/>), priced at the size
        /// the code proves or else at the measured bytes per allocation.
        /// </summary>
        public static Diagnostic Create(BufferAllocation allocation, MeasuredEvidence evidence, AnalysisSession session)
        {
            long bytes = allocation.Bytes ?? evidence.BytesPerAllocation;
            var syntax = allocation.Operation.Syntax;
            var basis = EstimateBasis.For(session.CostProfile);
            var estimate = ManagedAllocationCosts.RepeatedArrayAllocation(bytes, session.CostProfile);
            string what = "allocated and zeroed " + evidence.Describe();
            var figures = DiagnosticFigures
                .For(RuleIds.LargeAllocationInLoop, syntax, Repetition.MeasuredAllocation, bytes, estimate.BytesZeroed, estimate.Seconds, basis)
                .Explained(estimate.Explanation)
                .Measured(evidence.Site);
            return Diagnostic.Create(session.HelpLinks.For(LargeAllocationInLoopAnalyzer.Rule), syntax.GetLocation(), figures.ToProperties(),
                SyntaxText.Short(syntax), what, CostFormat.Duration(estimate.Seconds), "allocation", basis.Phrase, string.Empty);
        }
    }
}
