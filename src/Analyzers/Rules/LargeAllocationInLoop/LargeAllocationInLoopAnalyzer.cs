using System.Collections.Immutable;
using AllocAnalyzers.Configuration;
using AllocAnalyzers.Diagnostics;
using AllocAnalyzers.Flow;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using AllocAnalyzers.Runtime.Estimates;
using AllocAnalyzers.Runtime.Formatting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Rules.LargeAllocationInLoop
{
    /// <summary>
    /// ALLOC001: a large zero-initialized allocation that runs again on every loop iteration while
    /// the buffer does not outlive the iteration — the runtime zeroes (and for 85,000 bytes and more,
    /// the Large Object Heap collects) the same amount of memory over and over.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LargeAllocationInLoopAnalyzer : AllocAnalyzer
    {
        /// <summary>Default threshold: the Large Object Heap threshold.</summary>
        public const long DefaultThresholdBytes = ManagedAllocationCosts.LargeObjectHeapThreshold;

        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Performance(
            RuleIds.LargeAllocationInLoop,
            title: "Large zero-initialized allocation repeated in a loop",
            messageFormat: "'{0}' {1} on every loop iteration{2}: about {3} per iteration ({4} profile){5}",
            description: "The buffer is allocated, and zeroed by the runtime, on every iteration although it does not outlive the iteration. Allocate it once before the loop and reuse it, or rent it from ArrayPool<T>.Shared. Configure the size threshold with dotnet_code_quality.ALLOC001.threshold_bytes.");

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
            var allocation = BufferRecognizer.Recognize(context.Operation, session.Types);
            if (allocation == null || !IsRepeatableManagedAllocation(allocation.Source) || allocation.Bytes == null) return;
            long bytes = allocation.Bytes.Value;
            if (bytes < Threshold.Read(session, context.Operation.Syntax.SyntaxTree, context.ReportDiagnostic)) return;

            var loop = LoopSyntax.InnermostLoop(context.Operation.Syntax);
            if (loop == null || !RepeatedExecution.RunsRepeatedly(context.GetControlFlowGraph(), context.Operation, context.CancellationToken)) return;
            if (IterationEscapeAnalysis.MayOutliveIteration(context.Operation, loop, session.Types)) return;

            context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), MessageArguments(allocation, bytes, session)));
        }

        /// <summary>What ALLOC001 prices: fresh managed memory the GC hands out (not a rent, not a stack or native block).</summary>
        private static bool IsRepeatableManagedAllocation(BufferSource source) =>
            source == BufferSource.NewArray || source == BufferSource.GcAllocateArray || source == BufferSource.CapacityConstructor;

        private static object[] MessageArguments(BufferAllocation allocation, long bytes, AnalysisSession session)
        {
            // StringBuilder's first chunk is uninitialized on .NET 5+: price what the runtime really does.
            var estimate = allocation.Zeroed
                ? ManagedAllocationCosts.RepeatedArrayAllocation(bytes, session.CostProfile)
                : ManagedAllocationCosts.UninitializedArrayAllocation(bytes, session.CostProfile);
            string what = allocation.Zeroed
                ? "allocates and zeroes " + CostFormat.BytesExact(bytes)
                : "allocates " + CostFormat.BytesExact(bytes) + " (not zeroed: an uninitialized buffer)";
            string heap = estimate.LargeObjectHeap ? ", on the Large Object Heap, which only gen 2 collections reclaim" : string.Empty;
            return new object[] { SyntaxText.Short(allocation.Operation.Syntax), what, heap, CostFormat.Duration(estimate.Seconds), session.CostProfile.Name, session.MeasuredSuffix(allocation.Operation.Syntax) };
        }
    }
}
