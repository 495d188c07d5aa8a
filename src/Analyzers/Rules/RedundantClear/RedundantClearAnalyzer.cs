using System.Collections.Immutable;
using System.Linq;
using AllocAnalyzers.Configuration;
using AllocAnalyzers.Diagnostics;
using AllocAnalyzers.Flow;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using AllocAnalyzers.Operations.Clears;
using AllocAnalyzers.Summaries;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Rules.RedundantClear
{
    /// <summary>
    /// ALLOC002: a clear of memory that is provably still zero — a fresh array, calloc'd native
    /// memory or JIT-zeroed stackalloc memory that nothing can have written on any path from the
    /// allocation to the clear (<see cref="BufferFlowView"/>). The clear costs a full memset of
    /// the range and changes nothing.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RedundantClearAnalyzer : AllocAnalyzer
    {
        /// <summary>By default every provable redundant clear is reported, whatever its size.</summary>
        public const long DefaultThresholdBytes = 0;

        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Performance(
            RuleIds.RedundantClear,
            title: "Redundant clear of a fresh buffer",
            messageFormat: RedundantClearReport.MessageFormat,
            description: "The memory was zeroed when it was allocated (new T[n], GC.AllocateArray, NativeMemory.AllocZeroed, or stackalloc without [SkipLocalsInit]) and no path from the allocation to the clear can have written it, so the clear is a memset that changes nothing. Remove it. The figures behind the message are in the diagnostic's properties (docs/diagnostic-properties.md). Configure the smallest size reported with dotnet_code_quality.ALLOC002.threshold_bytes.");

        private static readonly ByteOption Threshold = new ByteOption(RuleIds.RedundantClear, OptionKeys.ThresholdBytes, DefaultThresholdBytes, minimum: 0);

        public RedundantClearAnalyzer()
            : base(Rule)
        {
        }

        internal override void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisSession session)
        {
            Threshold.ValidateEveryTree(context, session);
            context.RegisterOperationAction(operationContext => Analyze(operationContext, session), OperationKind.Invocation, OperationKind.Loop);
        }

        private static void Analyze(OperationAnalysisContext context, AnalysisSession session)
        {
            var types = session.Types;
            var clear = ClearingCalls.Recognize(context.Operation, types, session.Summaries);
            if (clear == null)
            {
                ReportFieldClearingCall(context, session);
                return;
            }

            // Only a clear that is a statement of its own can be removed without changing anything else.
            if (clear.Operation is IInvocationOperation && !(clear.Operation.Parent is IExpressionStatementOperation)) return;

            var candidates = BufferOrigins.Candidates(clear.Buffer, types, op => session.RecognizeBuffer(op)?.IsZeroedMemory == true);
            if (candidates.Count == 0) return;

            var graph = context.GetControlFlowGraph();
            foreach (var candidate in candidates)
            {
                var memory = session.RecognizeBuffer(candidate)!;
                var view = BufferFlowView.Create(graph, candidate, types);
                if (view.Before(clear.FlowPoint).MayBeWritten) continue;
                if (!ClearedRange.TryProve(clear, memory, view.HoldingLocals, out long? bytes)) continue;

                long threshold = Threshold.Read(session, context.Operation.Syntax.SyntaxTree);
                // Clearing nothing costs nothing: not worth a diagnostic whatever the threshold.
                if (bytes == 0 || (bytes == null ? threshold > 0 : bytes < threshold)) return;
                context.ReportDiagnostic(RedundantClearReport.Create(clear, memory, bytes, session, removable: !ClearingCalls.DoesMoreThanClear(clear.Operation, session.Summaries, types)));
                return;
            }
        }

        /// <summary><c>_table = new int[n]; Reset();</c> with <c>Reset</c> clearing the table first: the clear finds it still zero on this call.</summary>
        private static void ReportFieldClearingCall(OperationAnalysisContext context, AnalysisSession session)
        {
            var found = FieldClearingCall.Find(context.Operation, session);
            if (found == null) return;
            long? bytes = 0;
            foreach (var (_, allocation) in found.Fields) bytes = bytes == null || allocation.Bytes == null ? null : bytes + allocation.Bytes;
            long threshold = Threshold.Read(session, context.Operation.Syntax.SyntaxTree);
            if (bytes == 0 || (bytes == null ? threshold > 0 : bytes < threshold)) return;
            // The call does more than the clear (or may, on later calls): report it, never remove it.
            var fields = found.Fields.Select(f => f.Field).ToImmutableArray();
            context.ReportDiagnostic(RedundantClearReport.Create(found.Clear, found.Fields[0].Allocation, bytes, session, removable: false, clearedFields: fields));
        }
    }
}
