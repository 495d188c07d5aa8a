using AllocAnalyzers.Diagnostics;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using AllocAnalyzers.Runtime.Estimates;
using AllocAnalyzers.Runtime.Formatting;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Rules.NativeAllocThenClear
{
    /// <summary>
    /// ALLOC006's message and figures for a native block cleared in full right after its allocation.
    /// The figure is the clear itself: what AllocZeroed skips when the allocator hands out fresh
    /// pages. In a steady-state loop glibc serves the block from its heap and calloc memsets it too
    /// (the model's RepeatedCallocFree), so the clear is the most the fix saves, not what it always saves.
    /// </summary>
    internal static class NativeAllocThenClearReport
    {
        /// <summary>'NativeMemory.Alloc(bytes)' is cleared in full by 'NativeMemory.Clear(table, bytes)' before any other use, about 410 ns each time for 64 KiB on Linux x64: NativeMemory.AllocZeroed does both and skips the clear on fresh zero pages.</summary>
        public const string MessageFormat = "'{0}' is cleared in full by '{1}' before any other use{2}: NativeMemory.AllocZeroed does both and skips the clear on fresh zero pages";

        public static Diagnostic Create(IOperation allocationOperation, BufferAllocation allocation, NativeClear clear, AnalysisSession session)
        {
            var syntax = allocationOperation.Syntax;
            var basis = EstimateBasis.For(session.CostProfile);
            long? bytes = allocation.Bytes;
            double? seconds = bytes == null ? (double?)null : ManagedAllocationCosts.Clear(bytes.Value, session.CostProfile).Seconds;
            string cost = bytes == null || seconds == null
                ? string.Empty
                : ", about " + MessageCost.Duration(seconds.Value) + " each time for " + CostFormat.Bytes(bytes.Value) + " " + basis.Phrase;
            var figures = DiagnosticFigures.For(RuleIds.NativeAllocThenClear, syntax, Repetition.Execution, bytes, bytes, seconds, basis);
            if (Summaries.ClearingCalls.DoesMoreThanClear(clear.Operation, session.Summaries, session.Types)) figures.With(DiagnosticProperties.ClearRemovable, "false");
            return Diagnostic.Create(
                session.HelpLinks.For(NativeAllocThenClearAnalyzer.Rule),
                syntax.GetLocation(),
                additionalLocations: new[] { clear.Operation.Syntax.GetLocation() }, // the clear, for the fix to remove
                properties: figures.ToProperties(),
                messageArgs: new object[] { SyntaxText.Short(syntax), SyntaxText.Short(clear.Operation.Syntax), cost });
        }
    }
}
