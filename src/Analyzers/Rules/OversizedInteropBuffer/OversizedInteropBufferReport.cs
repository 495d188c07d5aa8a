using System;
using AllocAnalyzers.Diagnostics;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using AllocAnalyzers.Runtime;
using AllocAnalyzers.Runtime.Estimates;
using AllocAnalyzers.Runtime.Formatting;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Rules.OversizedInteropBuffer
{
    /// <summary>ALLOC003's message and figures for a zero-filled buffer larger than its native use.</summary>
    internal static class OversizedInteropBufferReport
    {
        /// <summary>'new byte[ChunkSize]' zeroes 1 MiB per call but 'Read(h, buffer, 16384)' is given 16 KiB: 1008 KiB zeroed for nothing, about 50 µs per call on Linux x64.</summary>
        public const string MessageFormat = "'{0}' zeroes {1} per call but '{2}' is given {3}: {4} zeroed for nothing, about {5} per call {6}{7}";

        public static Diagnostic Create(BufferAllocation buffer, long used, long nativeLength, IOperation call, AnalysisSession session)
        {
            long bytes = buffer.Bytes ?? 0;
            var syntax = buffer.Operation.Syntax;
            var basis = EstimateBasis.For(session.CostProfile);
            var (before, after) = Costs(buffer, used, session);
            double wasted = Math.Max(0, before - after);
            long excess = bytes - used;
            var measured = session.Measured.At(syntax);
            var figures = DiagnosticFigures
                .For(RuleIds.OversizedInteropBuffer, syntax, Repetition.Call, bytes, excess, wasted, basis)
                .Measured(measured)
                .With(OversizedInteropBufferAnalyzer.UsedBytesProperty, used);
            return Diagnostic.Create(session.HelpLinks.For(OversizedInteropBufferAnalyzer.Rule), syntax.GetLocation(), figures.ToProperties(),
                SyntaxText.Short(syntax), CostFormat.Bytes(bytes), SyntaxText.Short(call.Syntax), CostFormat.Bytes(nativeLength),
                CostFormat.Bytes(excess), CostFormat.Duration(wasted), basis.Phrase, measured?.Describe() ?? string.Empty);
        }

        /// <summary>The model's per-call cost of the allocation at its full size and at the size used.</summary>
        private static (double Before, double After) Costs(BufferAllocation buffer, long used, AnalysisSession session)
        {
            var profile = session.CostProfile;
            if (!buffer.IsNative)
            {
                return (ManagedAllocationCosts.RepeatedArrayAllocation(buffer.Bytes ?? 0, profile).Seconds,
                        ManagedAllocationCosts.RepeatedArrayAllocation(Math.Max(used, 1), profile).Seconds);
            }

            return (NativeAllocationCosts.RepeatedCallocFree(buffer.Bytes ?? 0, TargetPlatform.Linux, profile).Seconds,
                    NativeAllocationCosts.RepeatedCallocFree(Math.Max(used, 1), TargetPlatform.Linux, profile).Seconds);
        }
    }
}
