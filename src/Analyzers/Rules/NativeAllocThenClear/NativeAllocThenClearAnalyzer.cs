using AllocAnalyzers.Diagnostics;
using AllocAnalyzers.Flow;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Rules.NativeAllocThenClear
{
    /// <summary>
    /// ALLOC006: <c>NativeMemory.Alloc(n)</c> or <c>Marshal.AllocHGlobal(n)</c> whose block is then cleared
    /// in full before anything else touches it. <c>NativeMemory.AllocZeroed(n)</c> (calloc) does both in one
    /// call and, for blocks the allocator takes fresh from the OS, skips the clear altogether: those pages
    /// are already zero. Quiet where NativeMemory does not exist (before .NET 6) and in
    /// framework-conditional <c>#if</c> regions, which are usually fallbacks for such targets.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NativeAllocThenClearAnalyzer : AllocAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Performance(
            RuleIds.NativeAllocThenClear,
            title: "Native allocation followed by clearing it in full: use NativeMemory.AllocZeroed",
            messageFormat: NativeAllocThenClearReport.MessageFormat,
            description: "The block is allocated uninitialized and then zeroed completely before anything reads or writes it. NativeMemory.AllocZeroed (calloc) returns zeroed memory in one call; for blocks the allocator maps fresh from the OS (glibc: 128 KiB and more on first use; Windows heap: about 1 MiB and more) nothing is written at all, the pages are demand-zero. For Marshal.AllocHGlobal the matching FreeHGlobal must become NativeMemory.Free. The time in the message is the model's cost of the clear: what AllocZeroed skips when the allocator hands out fresh pages. In a loop that frees and allocates the block again, glibc serves it from its heap and calloc clears it as well, so there the fix saves the extra pass rather than the whole memset; the figures are in the diagnostic's properties (docs/diagnostic-properties.md).",
            severity: DiagnosticSeverity.Info);

        public NativeAllocThenClearAnalyzer()
            : base(Rule)
        {
        }

        internal override void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisSession session)
        {
            // The fix needs NativeMemory: before .NET 6 there is nothing to suggest.
            if (session.Types.NativeMemory == null) return;
            // The diagnostic sits on the allocation but is found from the clear: it is reported at the end
            // of the method body (a block-end action), so per-document analysis keeps it — a diagnostic
            // reported from the clear's own operation action lies outside that operation and is dropped.
            context.RegisterOperationBlockStartAction(start =>
            {
                // Most methods have no clear: the list is only made when one is found.
                var clears = new ClearsFound();
                start.RegisterOperationAction(c =>
                {
                    var clear = NativeClear.Recognize(c.Operation, session.Types, session.Summaries);
                    if (clear != null) clears.Add(clear);
                }, OperationKind.Invocation, OperationKind.Loop);
                start.RegisterOperationBlockEndAction(end => ReportClears(end, clears, session));
            });
        }

        private static void ReportClears(OperationBlockAnalysisContext context, ClearsFound clears, AnalysisSession session)
        {
            foreach (var clear in clears.Snapshot())
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var root = clear.Operation.Root();
                IOperation? block = null;
                foreach (var candidate in context.OperationBlocks)
                {
                    if (candidate.Root() == root) block = candidate;
                }

                if (block == null || !FlowGraphs.HasGraph(root)) continue;
                var diagnostic = Analyze(clear, context.GetControlFlowGraph(block), session, context.CancellationToken);
                if (diagnostic != null) context.ReportDiagnostic(diagnostic);
            }
        }

        private static Diagnostic? Analyze(NativeClear clear, ControlFlowGraph graph, AnalysisSession session, System.Threading.CancellationToken cancellationToken)
        {
            var types = session.Types;
            var candidates = BufferOrigins.Candidates(clear.Pointer, types, op => IsUnzeroedAllocation(op, session));
            foreach (var candidate in candidates)
            {
                var allocation = session.RecognizeBuffer(candidate)!;
                if (ConditionalCompilation.IsInFrameworkConditional(candidate.Syntax)) continue;
                if (!ClearsWholeBlock(clear, allocation)) continue;
                // Zero(Alloc(n), n): the block goes straight from the allocation into the clearing call.
                bool direct = candidate == clear.Pointer.WithoutConversions();
                if (!direct)
                {
                    if (clear.Operation is IInvocationOperation && !(clear.Operation.Parent is IExpressionStatementOperation)) continue;
                    if (!RunsRightAfter(candidate, clear)) continue;
                    if (!BufferFlowView.Create(graph, candidate, types, cancellationToken).Before(clear.FlowPoint).IsUntouched) continue;
                }

                return NativeAllocThenClearReport.Create(candidate, allocation, clear, session);
            }

            return null;
        }

        /// <summary>
        /// The clear is a later statement of the block that allocates, so it runs whenever the allocation
        /// does (a clear on some paths only is not a clear of the block); the flow view proves nothing
        /// touches the block in between.
        /// </summary>
        private static bool RunsRightAfter(IOperation allocation, NativeClear clear)
        {
            var allocationStatement = allocation.Syntax.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.StatementSyntax>();
            var clearStatement = clear.Operation.Syntax as Microsoft.CodeAnalysis.CSharp.Syntax.StatementSyntax ?? clear.Operation.Syntax.Parent as Microsoft.CodeAnalysis.CSharp.Syntax.StatementSyntax;
            return allocationStatement != null && clearStatement != null && allocationStatement.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.BlockSyntax block &&
                clearStatement.Parent == block && block.Statements.IndexOf(clearStatement) > block.Statements.IndexOf(allocationStatement);
        }

        private static bool IsUnzeroedAllocation(IOperation operation, AnalysisSession session)
        {
            // The two AllocZeroed replaces (the fix rewrites those written out; a wrapper's call is reported without one).
            var allocation = session.RecognizeBuffer(operation);
            return allocation != null && (allocation.Source == BufferSource.NativeAlloc || allocation.Source == BufferSource.AllocHGlobal);
        }

        /// <summary>The clear starts at the block's start and covers its provable size (equal constants, or the same unchanged size variable).</summary>
        private static bool ClearsWholeBlock(NativeClear clear, BufferAllocation allocation)
        {
            long? count = ConstantValues.TryGetInt64(clear.Count);
            if (allocation.Bytes != null && count != null) return count * clear.UnitSize == allocation.Bytes;
            return clear.UnitSize == 1 && allocation.CountOperation != null && ProvableValues.AreEqual(clear.Count, allocation.CountOperation);
        }
    }
}
