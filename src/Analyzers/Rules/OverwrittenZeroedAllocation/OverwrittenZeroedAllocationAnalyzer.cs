using System.Globalization;
using AllocAnalyzers.Configuration;
using AllocAnalyzers.Diagnostics;
using AllocAnalyzers.Flow;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using AllocAnalyzers.Runtime.Model.Allocators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Rules.OverwrittenZeroedAllocation
{
    /// <summary>
    /// ALLOC004: <c>new T[n]</c> (T unmanaged) whose every element is overwritten before any element
    /// is read — the runtime's zeroing is wasted; <c>GC.AllocateUninitializedArray&lt;T&gt;(n)</c> skips it.
    /// The overwrite is proven by <see cref="FullOverwrites"/>, and "before any read" by
    /// <see cref="BufferFlowView.ReachableWithout"/>: no path from the allocation that avoids the
    /// overwrite may read (or hand out) the buffer.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class OverwrittenZeroedAllocationAnalyzer : AllocAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Performance(
            RuleIds.OverwrittenZeroedAllocation,
            title: "Zeroed allocation completely overwritten before any read",
            messageFormat: OverwrittenZeroedAllocationReport.MessageFormat,
            description: "Every element of the new array is written before any element is read, so the zeroing the runtime does at allocation is wasted. GC.AllocateUninitializedArray<T>(n) skips it for arrays of " + ManagedHeap.UninitializedMinBytes.ToString(CultureInfo.InvariantCulture) + " bytes and more of types without references. The figures behind the message are in the diagnostic's properties (docs/diagnostic-properties.md).",
            severity: DiagnosticSeverity.Info);

        private static readonly ByteOption Threshold = new ByteOption(RuleIds.OverwrittenZeroedAllocation, OptionKeys.ThresholdBytes, DefaultThresholdBytes);

        /// <summary>By default: the runtime's own threshold, below which AllocateUninitializedArray zeroes anyway.</summary>
        public const long DefaultThresholdBytes = ManagedHeap.UninitializedMinBytes;

        public OverwrittenZeroedAllocationAnalyzer()
            : base(Rule)
        {
        }

        internal override void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisSession session)
        {
            // Without the API (before .NET 5) there is nothing to switch to.
            if (!session.Types.HasAllocateUninitializedArray) return;
            Threshold.ValidateEveryTree(context, session);
            UnknownSizePolicy.Option.ValidateEveryTree(context, session);
            context.RegisterOperationAction(operationContext => Analyze(operationContext, session), OperationKind.ArrayCreation, OperationKind.Invocation);
        }

        private static void Analyze(OperationAnalysisContext context, AnalysisSession session)
        {
            var types = session.Types;
            // An invocation is an allocation here only as a call of an allocation wrapper returning an
            // array (NewBuffer(n) => new byte[n]): every other call is turned away before any recognition.
            if (context.Operation is IInvocationOperation call && !(call.TargetMethod.OriginalDefinition.ReturnType is IArrayTypeSymbol)) return;
            var memory = session.RecognizeBuffer(context.Operation);
            if (memory == null || memory.Source != BufferSource.NewArray || !memory.IsZeroedMemory || memory.ElementType == null) return;
            // References must be zeroed for the GC's sake; the runtime zeroes those arrays anyway.
            if (!memory.ElementType.IsUnmanagedType) return;
            if (memory.ElementCount != null && (memory.ElementSize == null || ManagedHeap.UninitializedArrayIsZeroed(memory.ElementCount.Value, memory.ElementSize.Value))) return;
            var tree = context.Operation.Syntax.SyntaxTree;
            if (memory.Bytes != null && memory.Bytes < Threshold.Read(session, tree)) return;
            if (memory.Bytes == null && !UnknownSizePolicy.Reports(UnknownSizePolicy.Option.Read(session, tree), memory, session)) return;

            // Cheap rejections before the control-flow graph, which was most of this rule's cost: the
            // buffer must be stored in a local (else the view is untracked), and the method must hold
            // something that could overwrite it in full, used with that local or one made from it
            // (else no overwrite is found).
            var binding = BufferFlowView.LocalBoundInTree(context.Operation);
            if (binding == null || !OverwriteBeforeRead.MayFind(context.Operation, binding)) return;
            var view = BufferFlowView.Create(context.GetControlFlowGraph(), context.Operation, types);
            if (!view.IsTracked) return;
            var overwrite = OverwriteBeforeRead.Find(context.Operation, memory, view, types);
            if (overwrite == null) return;

            context.ReportDiagnostic(OverwrittenZeroedAllocationReport.Create(memory, overwrite, session));
        }
    }
}
