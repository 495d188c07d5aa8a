using AllocAnalyzers.Diagnostics;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using AllocAnalyzers.Operations.Clears;
using AllocAnalyzers.Runtime.Estimates;
using AllocAnalyzers.Runtime.Formatting;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Rules.RedundantClear
{
    /// <summary>ALLOC002's message and figures for a clear of memory that is still zero.</summary>
    internal static class RedundantClearReport
    {
        /// <summary>'Array.Clear(table)' clears 4,096 bytes (4 KiB) that 'new int[1024]' already zeroed, unwritten since: about 26 ns wasted each time on Linux x64.</summary>
        public const string MessageFormat = "'{0}' clears {1} that {2} already zeroed, unwritten since: {3}";

        public static Diagnostic Create(ClearOperation clear, BufferAllocation memory, long? bytes, AnalysisSession session)
        {
            var syntax = clear.Operation.Syntax;
            var basis = EstimateBasis.For(session.CostProfile);
            double? seconds = bytes == null ? (double?)null : ManagedAllocationCosts.Clear(bytes.Value, session.CostProfile).Seconds;
            string cost = seconds == null
                ? "a memset of the whole range for nothing"
                : "about " + MessageCost.Duration(seconds.Value) + " wasted each time " + basis.Phrase;
            var figures = DiagnosticFigures.For(RuleIds.RedundantClear, syntax, Repetition.Execution, bytes, bytes, seconds, basis);
            return Diagnostic.Create(session.HelpLinks.For(RedundantClearAnalyzer.Rule), syntax.GetLocation(), figures.ToProperties(),
                SyntaxText.Short(syntax), bytes == null ? "memory" : CostFormat.BytesExact(bytes.Value), ZeroedBy(memory), cost);
        }

        private static string ZeroedBy(BufferAllocation memory)
        {
            string source = "'" + SyntaxText.Short(memory.Operation.Syntax) + "'";
            if (memory.IsNative) return source + " (calloc)";
            return memory.Source == BufferSource.Stackalloc ? source + " (no [SkipLocalsInit])" : source;
        }
    }
}
