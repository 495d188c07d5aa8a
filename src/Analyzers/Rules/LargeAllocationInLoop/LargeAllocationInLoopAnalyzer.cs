using AllocAnalyzers.Configuration;
using AllocAnalyzers.Diagnostics;
using AllocAnalyzers.Flow;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using AllocAnalyzers.Runtime.Estimates;
using AllocAnalyzers.Summaries;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Rules.LargeAllocationInLoop
{
    /// <summary>
    /// ALLOC001: a large zero-initialized allocation that runs again on every loop iteration while
    /// the buffer does not outlive the iteration — the runtime zeroes (and for 85,000 bytes and more,
    /// the Large Object Heap collects) the same amount of memory over and over. The loop may be in
    /// another method: an allocation that dies with the call, in a function that runs repeatedly
    /// (<see cref="RepetitionSearch"/>), is reported with the loop, contract or API that repeats it.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LargeAllocationInLoopAnalyzer : AllocAnalyzer
    {
        /// <summary>Default threshold: the Large Object Heap threshold.</summary>
        public const long DefaultThresholdBytes = ManagedAllocationCosts.LargeObjectHeapThreshold;

        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Performance(
            RuleIds.LargeAllocationInLoop,
            title: "Large zero-initialized allocation repeated in a loop",
            messageFormat: LargeAllocationInLoopReport.MessageFormat,
            description: "The buffer is allocated on every iteration although it does not outlive the iteration — of a loop around it, or of a loop in another method that calls this one (up to three calls away), a Stream.Read-style override or a Parallel.For body, when the buffer does not outlive the call. Arrays are zeroed by the runtime on each allocation; from 85,000 bytes they go to the Large Object Heap, which only gen 2 collections reclaim, so a large allocation per iteration also churns the LOH. A StringBuilder's first chunk is not zeroed on .NET 5 and later, but the per-iteration LOH allocation remains. Allocate the buffer once before the loop and reuse it, or rent it from ArrayPool<T>.Shared. The message gives the model's estimate per iteration; the figures are in the diagnostic's properties (docs/diagnostic-properties.md). Configure the size threshold with dotnet_code_quality.ALLOC001.threshold_bytes.");

        private static readonly ByteOption Threshold = new ByteOption(RuleIds.LargeAllocationInLoop, OptionKeys.ThresholdBytes, DefaultThresholdBytes);

        public LargeAllocationInLoopAnalyzer()
            : base(Rule)
        {
        }

        internal override void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisSession session)
        {
            Threshold.ValidateEveryTree(context, session);
            context.RegisterOperationAction(
                operationContext => Analyze(operationContext, session),
                OperationKind.ArrayCreation, OperationKind.Invocation, OperationKind.ObjectCreation);
        }

        private static void Analyze(OperationAnalysisContext context, AnalysisSession session)
        {
            var allocation = session.RecognizeBuffer(context.Operation);
            if (allocation == null || !IsRepeatableManagedAllocation(allocation.Source)) return;
            if (allocation.MinimumBytes == null && session.Measured.IsEmpty) return; // neither a size (or lower bound) to prove nor a profile to measure it
            long threshold = Threshold.Read(session, context.Operation.Syntax.SyntaxTree);
            if (ReportProven(context, allocation, threshold, session)) return;

            // Measured evidence: what the code does not prove (the size, the repetition), a site summary
            // may have measured at the line. See MeasuredRepetition and docs/rules/ALLOC001.md.
            var measured = MeasuredRepetition.Find(context, allocation, threshold, session);
            if (measured != null)
            {
                context.ReportDiagnostic(LargeAllocationInLoopReport.Create(allocation, measured, session));
            }
        }

        /// <summary>
        /// The proven path: a provable size at the threshold, repeated by a loop around it or by the
        /// function's callers (<see cref="RepetitionSearch"/>), and not outliving the iteration or call.
        /// </summary>
        private static bool ReportProven(OperationAnalysisContext context, BufferAllocation allocation, long threshold, AnalysisSession session)
        {
            // The exact size, or a proven lower bound (new byte[Math.Max(n, 1 << 20)]): at least this much per run.
            if (allocation.MinimumBytes == null || allocation.MinimumBytes.Value < threshold) return false;

            var loop = LoopSyntax.InnermostLoop(context.Operation.Syntax);
            if (loop != null && RepeatedExecution.RunsRepeatedly(context.GetControlFlowGraph(), context.Operation, context.CancellationToken))
            {
                if (IterationEscapeAnalysis.MayOutliveIteration(context.Operation, loop, session.Types)) return false;
                context.ReportDiagnostic(LargeAllocationInLoopReport.Create(allocation, session, repeatedBy: null));
                return true;
            }

            // No loop of its own repeats it: the function may still run repeatedly (called from a loop,
            // a Stream.Read override, a Parallel.For body). The buffer must then die with the call.
            if (IterationEscapeAnalysis.MayOutliveIteration(context.Operation, loop: null, session.Types)) return false;
            var repeatedBy = RepetitionSearch.ForFunctionOf(context.Operation, context.ContainingSymbol, session.Summaries, context.CancellationToken);
            if (repeatedBy == null) return false;
            context.ReportDiagnostic(LargeAllocationInLoopReport.Create(allocation, session, repeatedBy));
            return true;
        }

        /// <summary>What ALLOC001 prices: fresh managed memory the GC hands out (not a rent, not a stack or native block).</summary>
        private static bool IsRepeatableManagedAllocation(BufferSource source) =>
            source == BufferSource.NewArray || source == BufferSource.GcAllocateArray || source == BufferSource.CapacityConstructor;
    }
}
