using System.Collections.Generic;
using System.Linq;
using AllocAnalyzers.Diagnostics;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using AllocAnalyzers.Runtime;
using AllocAnalyzers.Runtime.Costs;
using AllocAnalyzers.Runtime.Estimates;
using AllocAnalyzers.Runtime.Formatting;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Rules.PlatformAllocatorPathology
{
    /// <summary>
    /// ALLOC007's message and figures: the worst platform first, then the other platforms whose
    /// allocator also re-zeroes the block; the figures are the worst platform's.
    /// </summary>
    internal static class PlatformAllocatorPathologyReport
    {
        /// <summary>'NativeMemory.AllocZeroed(100 * 1024 * 1024)' is freed and allocated again on every loop iteration, and the allocator zero-fills all 100 MiB each time: about 48 ms per iteration on macOS, 1.1 ms on Linux x64.</summary>
        public const string MessageFormat = "'{0}' is freed and allocated again on every loop iteration, and the allocator zero-fills all {1} each time: about {2} per iteration {3}{4}";

        public static Diagnostic Create(IOperation allocation, long bytes, IReadOnlyList<(TargetPlatform Platform, CostEstimate Estimate)> zeroing, bool everywhere, AnalysisSession session)
        {
            var syntax = allocation.Syntax;
            var ranked = zeroing.OrderByDescending(z => z.Estimate.Seconds).ToList();
            var worst = ranked[0];
            var basis = EstimateBasis.For(worst.Platform, BuiltInProfiles.For(worst.Platform));
            string others = string.Concat(ranked.Skip(1).Select(z => ", " + CostFormat.Duration(z.Estimate.Seconds) + " " + EstimateBasis.For(z.Platform, BuiltInProfiles.For(z.Platform)).Phrase));
            var figures = DiagnosticFigures
                .For(RuleIds.PlatformAllocatorPathology, syntax, Repetition.LoopIteration, bytes, worst.Estimate.BytesZeroed, worst.Estimate.Seconds, basis)
                .Explained(worst.Estimate.Explanation)
                .With(PlatformAllocatorPathologyAnalyzer.FullyZeroedEverywhereProperty, everywhere ? "true" : "false")
                .With(PlatformAllocatorPathologyAnalyzer.ZeroingPlatformsProperty, string.Join(",", ranked.Select(z => EstimateBasis.IdOf(z.Platform))));
            return Diagnostic.Create(session.HelpLinks.For(PlatformAllocatorPathologyAnalyzer.Rule), syntax.GetLocation(), figures.ToProperties(),
                SyntaxText.Short(syntax), CostFormat.Bytes(bytes), CostFormat.Duration(worst.Estimate.Seconds), basis.Phrase, others);
        }
    }
}
