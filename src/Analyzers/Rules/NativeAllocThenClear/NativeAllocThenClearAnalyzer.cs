using System.Collections.Generic;
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
            // Found from the allocation, reported at it: the clear must be a later statement of the
            // block that allocates (RunsRightAfter), so the allocation's own operation action can look
            // at those statements. The diagnostic lies inside the operation whose action reports it,
            // so per-document and per-span analysis keep it. (An earlier version collected clears per
            // method body in an operation-block-start action: that cost two registrations and three
            // allocations for every method in the compilation, nearly none of which clears native memory.)
            context.RegisterOperationAction(c => AnalyzeAllocation(c, session), OperationKind.Invocation);
        }

        private static void AnalyzeAllocation(OperationAnalysisContext context, AnalysisSession session)
        {
            var allocation = context.Operation;
            if (!IsUnzeroedAllocation(allocation, session)) return;
            var root = allocation.Root();
            if (!FlowGraphs.HasGraph(root)) return;
            if (ReportClearedAtOnce(context, allocation, session)) return;
            ControlFlowGraph? graph = null;
            foreach (var statement in LaterStatementsOfBlock(allocation))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var clear = NativeClear.Recognize(statement is IExpressionStatementOperation expression ? expression.Operation : statement, session.Types, session.Summaries);
                if (clear == null) continue;
                graph ??= context.GetControlFlowGraph();
                // The clear's first provable candidate is the block it clears: reported here when that is this allocation.
                var cleared = Analyze(clear, graph, session, context.CancellationToken);
                if (cleared != null && cleared.Value.Candidate == allocation) context.ReportDiagnostic(cleared.Value.Diagnostic);
            }
        }

        /// <summary>
        /// <c>Zero(Alloc(n), n)</c>: the block goes straight from the allocation into a clearing call as
        /// its buffer argument, so nothing can touch it in between and the clear runs whenever the
        /// allocation does.
        /// </summary>
        private static bool ReportClearedAtOnce(OperationAnalysisContext context, IOperation allocation, AnalysisSession session)
        {
            if (!(allocation.ParentSkippingConversions(out _) is IArgumentOperation { Parent: IInvocationOperation call })) return false;
            var clear = NativeClear.Recognize(call, session.Types, session.Summaries);
            if (clear == null || clear.Pointer.WithoutConversions() != allocation || ConditionalCompilation.IsInFrameworkConditional(allocation.Syntax)) return false;
            var block = session.RecognizeBuffer(allocation)!;
            if (!ClearsWholeBlock(clear, block)) return false;
            context.ReportDiagnostic(NativeAllocThenClearReport.Create(allocation, block, clear, session));
            return true;
        }

        /// <summary>The statements after the one holding <paramref name="allocation"/> in its block (none when that statement is not in a block).</summary>
        private static IEnumerable<IOperation> LaterStatementsOfBlock(IOperation allocation)
        {
            var statementSyntax = allocation.Syntax.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.StatementSyntax>();
            if (statementSyntax == null || !(statementSyntax.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.BlockSyntax)) yield break;
            IOperation? statement = allocation;
            while (statement != null && !(statement.Parent is IBlockOperation block && block.Syntax == statementSyntax.Parent)) statement = statement.Parent;
            if (statement == null) yield break;
            bool after = false;
            foreach (var sibling in ((IBlockOperation)statement.Parent!).Operations)
            {
                if (after) yield return sibling;
                else after = sibling == statement;
            }
        }

        private static (IOperation Candidate, Diagnostic Diagnostic)? Analyze(NativeClear clear, ControlFlowGraph graph, AnalysisSession session, System.Threading.CancellationToken cancellationToken)
        {
            var types = session.Types;
            if (clear.Operation is IInvocationOperation && !(clear.Operation.Parent is IExpressionStatementOperation)) return null;

            var candidates = BufferOrigins.Candidates(clear.Pointer, types, op => IsUnzeroedAllocation(op, session));
            foreach (var candidate in candidates)
            {
                var allocation = session.RecognizeBuffer(candidate)!;
                if (ConditionalCompilation.IsInFrameworkConditional(candidate.Syntax)) continue;
                if (!ClearsWholeBlock(clear, allocation) || !RunsRightAfter(candidate, clear)) continue;
                if (!BufferFlowView.Create(graph, candidate, types, cancellationToken).Before(clear.FlowPoint).IsUntouched) continue;

                return (candidate, NativeAllocThenClearReport.Create(candidate, allocation, clear, session));
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
