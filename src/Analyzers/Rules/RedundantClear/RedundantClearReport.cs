using System.Collections.Immutable;
using System.Linq;
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

        /// <param name="removable">False when the clear is a call that does more than clear (a helper, a Reset method): the fix must keep it.</param>
        /// <param name="clearedFields">The fields a called method clears, named in the message; default when the clear names its buffer.</param>
        public static Diagnostic Create(ClearOperation clear, BufferAllocation memory, long? bytes, AnalysisSession session, bool removable = true, ImmutableArray<IFieldSymbol> clearedFields = default)
        {
            var syntax = clear.Operation.Syntax;
            var basis = EstimateBasis.For(session.CostProfile);
            double? seconds = bytes == null ? (double?)null : ManagedAllocationCosts.Clear(bytes.Value, session.CostProfile).Seconds;
            string cost = seconds == null
                ? "a memset of the whole range for nothing"
                : "about " + MessageCost.Duration(seconds.Value) + " wasted each time " + basis.Phrase;
            var figures = DiagnosticFigures.For(RuleIds.RedundantClear, syntax, Repetition.Execution, bytes, bytes, seconds, basis);
            if (!removable) figures.With(DiagnosticProperties.ClearRemovable, "false");
            string what = bytes == null ? "memory" : CostFormat.BytesExact(bytes.Value);
            if (!clearedFields.IsDefaultOrEmpty) what = string.Join(", ", clearedFields.Select(f => "'" + f.Name + "'")) + ", " + what;
            return Diagnostic.Create(session.HelpLinks.For(RedundantClearAnalyzer.Rule), syntax.GetLocation(), figures.ToProperties(),
                SyntaxText.Short(syntax), what, clearedFields.IsDefaultOrEmpty || clearedFields.Length == 1 ? ZeroedBy(memory) : "their allocations", cost);
        }

        private static string ZeroedBy(BufferAllocation memory)
        {
            string source = "'" + SyntaxText.Short(memory.Operation.Syntax) + "'";
            if (memory.IsNative) return source + " (calloc)";
            return memory.Source == BufferSource.Stackalloc ? source + " (no [SkipLocalsInit])" : source;
        }
    }
}
