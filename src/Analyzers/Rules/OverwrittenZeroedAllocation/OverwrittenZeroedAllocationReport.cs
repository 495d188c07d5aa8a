using AllocAnalyzers.Diagnostics;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using AllocAnalyzers.Runtime.Estimates;
using AllocAnalyzers.Runtime.Formatting;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Rules.OverwrittenZeroedAllocation
{
    /// <summary>ALLOC004's message and figures for an array whose zeroing is overwritten before any read.</summary>
    internal static class OverwrittenZeroedAllocationReport
    {
        /// <summary>'new byte[64 * 1024]' is zeroed, then 'stream.ReadExactly(record)' overwrites every element before any read: 65,536 bytes (64 KiB) zeroed for nothing, about 410 ns on Linux x64.</summary>
        public const string MessageFormat = "'{0}' is zeroed, then '{1}' overwrites every element before any read: {2} zeroed for nothing{3}{4}";

        public static Diagnostic Create(BufferAllocation memory, IOperation overwrite, AnalysisSession session)
        {
            var syntax = memory.Operation.Syntax;
            var basis = EstimateBasis.For(session.CostProfile);
            long? bytes = memory.Bytes;
            double? seconds = bytes == null ? (double?)null : ManagedAllocationCosts.Clear(bytes.Value, session.CostProfile).Seconds;
            string cost = seconds == null ? string.Empty : ", about " + MessageCost.Duration(seconds.Value) + " " + basis.Phrase;
            var measured = session.Measured.At(syntax);
            var figures = DiagnosticFigures
                .For(RuleIds.OverwrittenZeroedAllocation, syntax, Repetition.Execution, bytes, bytes, seconds, basis)
                .Measured(measured);
            return Diagnostic.Create(session.HelpLinks.For(OverwrittenZeroedAllocationAnalyzer.Rule), syntax.GetLocation(), figures.ToProperties(),
                SyntaxText.Short(syntax), SyntaxText.Short(overwrite.Syntax), bytes == null ? "the whole array" : CostFormat.BytesExact(bytes.Value),
                cost, measured?.Describe() ?? string.Empty);
        }
    }
}
