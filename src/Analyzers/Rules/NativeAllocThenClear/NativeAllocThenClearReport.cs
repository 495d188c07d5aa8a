using System;
using AllocAnalyzers.Diagnostics;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using AllocAnalyzers.Runtime;
using AllocAnalyzers.Runtime.Estimates;
using AllocAnalyzers.Runtime.Formatting;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Rules.NativeAllocThenClear
{
    /// <summary>ALLOC006's message and figures for a native block cleared in full right after its allocation.</summary>
    internal static class NativeAllocThenClearReport
    {
        /// <summary>'NativeMemory.Alloc(bytes)' is cleared in full by 'NativeMemory.Clear(table, bytes)' before any other use: NativeMemory.AllocZeroed would save about 1.1 µs per allocation of 64 KiB on Linux x64.</summary>
        public const string MessageFormat = "'{0}' is cleared in full by '{1}' before any other use: NativeMemory.AllocZeroed {2}";

        public static Diagnostic Create(IOperation allocationOperation, NativeAllocation allocation, NativeClear clear, AnalysisSession session)
        {
            var syntax = allocationOperation.Syntax;
            var basis = EstimateBasis.For(session.CostProfile);
            long? bytes = allocation.Bytes;
            string saving = "does both in one call, and skips the clear where the allocator hands out fresh zero pages";
            double? seconds = null;
            long? bytesZeroed = null;
            if (bytes != null)
            {
                var (before, after) = Costs(bytes.Value, session);
                seconds = Math.Max(0, before.Seconds - after.Seconds);
                bytesZeroed = Math.Max(0, before.BytesZeroed - after.BytesZeroed);
                saving = "would save about " + MessageCost.Duration(seconds.Value) + " per allocation of " + CostFormat.Bytes(bytes.Value) + " " + basis.Phrase;
            }

            var figures = DiagnosticFigures.For(RuleIds.NativeAllocThenClear, syntax, Repetition.Execution, bytes, bytesZeroed, seconds, basis);
            return Diagnostic.Create(
                NativeAllocThenClearAnalyzer.Rule,
                syntax.GetLocation(),
                additionalLocations: new[] { clear.Operation.Syntax.GetLocation() }, // the clear, for the fix to remove
                properties: figures.ToProperties(),
                messageArgs: new object[] { SyntaxText.Short(syntax), SyntaxText.Short(clear.Operation.Syntax), saving });
        }

        /// <summary>The model's steady-state cost per allocation on Linux (glibc), with the clear and with calloc.</summary>
        private static (CostEstimate Before, CostEstimate After) Costs(long bytes, AnalysisSession session)
        {
            var profile = session.CostProfile;
            var malloc = NativeAllocationCosts.RepeatedMallocFree(bytes, TargetPlatform.Linux, profile);
            var clear = ManagedAllocationCosts.Clear(bytes, profile);
            var before = new CostEstimate(malloc.BytesZeroed + bytes, malloc.Seconds + clear.Seconds, false, malloc.Explanation + "; then a memset of the block");
            return (before, NativeAllocationCosts.RepeatedCallocFree(bytes, TargetPlatform.Linux, profile));
        }
    }
}
