using AllocAnalyzers.Diagnostics;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using AllocAnalyzers.Runtime.Estimates;
using AllocAnalyzers.Runtime.Formatting;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Rules.LargeZeroedStackalloc
{
    /// <summary>ALLOC005's message and figures for a stackalloc the JIT zeroes.</summary>
    internal static class LargeZeroedStackallocReport
    {
        /// <summary>'stackalloc byte[4096]' is zeroed by the JIT each time it runs (no [SkipLocalsInit]): 4,096 bytes (4 KiB), about 26 ns each time on Linux x64.</summary>
        public const string MessageFormat = "'{0}' is zeroed by the JIT each time it runs (no [SkipLocalsInit]): {1}, about {2} each time {3}";

        /// <param name="upTo">True when <paramref name="bytes"/> is an upper bound of the size, not the size: the message says "up to".</param>
        public static Diagnostic Create(SyntaxNode node, long bytes, bool upTo, AnalysisSession session)
        {
            var basis = EstimateBasis.For(session.CostProfile);
            double seconds = ManagedAllocationCosts.Clear(bytes, session.CostProfile).Seconds;
            var figures = DiagnosticFigures.For(RuleIds.LargeZeroedStackalloc, node, Repetition.Execution, bytes, bytes, seconds, basis);
            return Diagnostic.Create(session.HelpLinks.For(LargeZeroedStackallocAnalyzer.Rule), node.GetLocation(), figures.ToProperties(),
                SyntaxText.Short(node), (upTo ? "up to " : string.Empty) + CostFormat.BytesExact(bytes), MessageCost.Duration(seconds), basis.Phrase);
        }
    }
}
