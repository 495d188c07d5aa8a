using AllocAnalyzers.Diagnostics;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using AllocAnalyzers.Runtime.Estimates;
using AllocAnalyzers.Runtime.Formatting;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Rules.LargeAllocationInLoop
{
    /// <summary>ALLOC001's message and figures for one allocation repeated in a loop.</summary>
    internal static class LargeAllocationInLoopReport
    {
        /// <summary>'new byte[ChunkSize]' allocates and zeroes 1,048,576 bytes (1 MiB) on the Large Object Heap on every loop iteration: about 57 µs per iteration on Linux x64.</summary>
        public const string MessageFormat = "'{0}' {1} on every loop iteration: about {2} per iteration {3}{4}";

        public static Diagnostic Create(BufferAllocation allocation, AnalysisSession session)
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
                .For(RuleIds.LargeAllocationInLoop, syntax, Repetition.LoopIteration, bytes, estimate.BytesZeroed, estimate.Seconds, basis)
                .Explained(estimate.Explanation)
                .Measured(measured);
            return Diagnostic.Create(session.HelpLinks.For(LargeAllocationInLoopAnalyzer.Rule), syntax.GetLocation(), figures.ToProperties(),
                SyntaxText.Short(syntax), what, CostFormat.Duration(estimate.Seconds), basis.Phrase, measured?.Describe() ?? string.Empty);
        }
    }
}
