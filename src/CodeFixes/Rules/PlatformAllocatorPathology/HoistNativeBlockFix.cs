using System.Collections.Generic;
using System.Linq;
using System.Threading;
using AllocAnalyzers.CodeFixes.Infrastructure;
using AllocAnalyzers.CodeFixes.TargetFrameworks;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using AllocAnalyzers.Rules.PlatformAllocatorPathology;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace AllocAnalyzers.CodeFixes.Rules.PlatformAllocatorPathology
{
    /// <summary>
    /// ALLOC007 fix: allocate the zeroed block once before the loop, free it once after, and at the
    /// top of each iteration clear only the bytes the iteration can read — the largest length given
    /// to a native call or span over it, or element index read — so every iteration still starts from
    /// zeros where it looks; element stores, at any index, need no clearing.
    /// Offered only when the pointer does not escape (every use is a native call, a borrowing call, a
    /// span or an element access), the size is loop-invariant, and the free is the iteration's own:
    /// a statement of the loop body or the whole finally of a try there (then the hoisted loop gets
    /// the try/finally). When what an iteration touches is unknown the whole block must be cleared,
    /// which is offered only where the model says every targeted platform zero-fills it anyway.
    /// </summary>
    internal sealed class HoistNativeBlockFix : DiagnosticFix
    {
        public const string Key = "ALLOC007.Hoist";

        public override string EquivalenceKey => Key;

        public override string Title => "Allocate the block once before the loop, free it after, and clear what each iteration uses";

        public override FixPlan? Prepare(FixTarget target, CancellationToken cancellationToken)
        {
            var model = target.SemanticModel;
            var types = target.Types;
            var operation = target.Operation;
            var allocation = operation == null ? null : BufferRecognizer.Recognize(operation, types);
            if (allocation?.Bytes == null || !allocation.IsNative || !allocation.Zeroed) return null;
            long bytes = allocation.Bytes.Value;

            var declaration = NativeBlockDeclaration.Find(target.Node, model, cancellationToken);
            if (declaration == null) return null;
            var uses = BufferUses.Of(declaration.Local, operation!, types);
            if (uses.Any(u => !declaration.Loop.Span.Contains(u.Operation.Syntax.Span))) return null;
            if (uses.Any(u => u.Kind == BufferUseKind.Other || u.Kind == BufferUseKind.Length)) return null;
            var frees = uses.Where(u => u.Kind == BufferUseKind.Freed).ToList();
            if (frees.Count != 1) return null;
            var free = FreeStatement.Find(frees[0].Operation.Syntax, declaration);
            if (free == null) return null;
            if (free.Try == null && LeavesFunction(declaration.Body)) return null;
            if (HoistedLocal.HasNameConflict(declaration.Local, declaration.Declarator, declaration.Loop, model, cancellationToken)) return null;

            long clear = ClearedBytes(uses, bytes);
            target.Diagnostic.Properties.TryGetValue(PlatformAllocatorPathologyAnalyzer.FullyZeroedEverywhereProperty, out string? everywhere);
            if (clear >= bytes && everywhere != "true") return null;
            StatementSyntax? clearStatement = null;
            if (clear > 0)
            {
                clearStatement = ClearStatement(declaration, clear, types);
                if (clearStatement == null) return null;
            }

            var hoisted = Hoisted(declaration, allocation, model, cancellationToken);
            if (hoisted == null) return null;
            var plan = new FixPlan(editor => Apply(editor, declaration, free, hoisted, clearStatement));
            if (clearStatement == null || types.NativeMemory == null) return plan;

            // NativeMemory.Clear: guarded where a target framework lacks NativeMemory (calloc through P/Invoke compiles anywhere).
            var guard = FrameworkGuard.For(target.Document, declaration.Loop, FrameworkApi.NativeMemory);
            return guard.Offered ? GuardedRegion.Wrap(plan, guard, new SyntaxNode[] { declaration.Loop }) : null;
        }

        private static void Apply(Microsoft.CodeAnalysis.Editing.SyntaxEditor editor, NativeBlockDeclaration declaration, FreeStatement free, StatementSyntax hoisted, StatementSyntax? clearStatement)
        {
            if (clearStatement != null) editor.ReplaceNode(declaration.Statement, clearStatement.WithTriviaFrom(declaration.Statement));
            else editor.RemoveNode(declaration.Statement, SyntaxRemoveOptions.KeepNoTrivia);

            var freeAfterLoop = free.Statement.WithoutTrivia().WithAdditionalAnnotations(Formatter.Annotation);
            editor.InsertBefore(declaration.Loop, hoisted.WithLeadingTrivia(declaration.Loop.GetLeadingTrivia()).WithTrailingTrivia(LineEndings.Of(declaration.Loop)));
            if (free.Try == null)
            {
                editor.RemoveNode(free.Statement, SyntaxRemoveOptions.KeepNoTrivia);
                editor.InsertAfter(declaration.Loop, freeAfterLoop.WithLeadingTrivia(declaration.Loop.GetLeadingTrivia()).WithTrailingTrivia(LineEndings.Of(declaration.Loop)));
                return;
            }

            // The iteration's try/finally only freed the block: keep its catches, drop the finally;
            // the hoisted loop gets a try/finally of its own so the block is freed however the loop ends.
            var tryStatement = free.Try;
            if (tryStatement.Catches.Count > 0) editor.ReplaceNode(tryStatement, (current, _) => ((TryStatementSyntax)current).WithFinally(null));
            else editor.ReplaceNode(tryStatement, (current, _) => ((TryStatementSyntax)current).Block.WithTriviaFrom(current).WithAdditionalAnnotations(Formatter.Annotation));
            editor.ReplaceNode(declaration.Loop, (current, _) => SyntaxFactory.TryStatement(
                    SyntaxFactory.Block((StatementSyntax)current.WithoutLeadingTrivia()),
                    default,
                    SyntaxFactory.FinallyClause(SyntaxFactory.Block(freeAfterLoop)))
                .WithLeadingTrivia(current.GetLeadingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation));
        }

        /// <summary>
        /// The bytes an iteration can read before writing them: the largest provable extent of a use
        /// that may read, or the whole block when any such use is unbounded. Stores (<c>block[i] = v</c>)
        /// read nothing and need no clearing wherever they land: an iteration that reads an element
        /// either stored it itself (as the original did) or finds it cleared.
        /// </summary>
        private static long ClearedBytes(List<BufferUse> uses, long bytes)
        {
            long extent = 0;
            foreach (var use in uses)
            {
                if (use.Kind == BufferUseKind.Freed || ElementStores.IsStoreOnly(use)) continue;
                if (use.Extent == null) return bytes;
                extent = System.Math.Max(extent, use.Extent.Value);
            }

            return System.Math.Min(extent, bytes);
        }

        private static StatementSyntax? ClearStatement(NativeBlockDeclaration declaration, long bytes, WellKnownTypes types)
        {
            if (bytes > uint.MaxValue) return null;
            string pointer = declaration.Local.Type.TypeKind == TypeKind.Pointer ? declaration.Name : "(void*)" + declaration.Name;
            if (declaration.Local.Type.TypeKind != TypeKind.Pointer && !UnsafeContext.Contains(declaration.Statement)) return null;
            string length = LiteralFolding.ToLiteral(bytes);
            if (types.NativeMemory != null) return GeneratedCode.Statement($"global::System.Runtime.InteropServices.NativeMemory.Clear({pointer}, {length});");
            if (types.Span != null && bytes <= int.MaxValue) return GeneratedCode.Statement($"new global::System.Span<byte>({pointer}, {length}).Clear();");
            return null;
        }

        /// <summary>The declaration to put before the loop; sizes that name loop locals are restated as their proven values.</summary>
        private static StatementSyntax? Hoisted(NativeBlockDeclaration declaration, BufferAllocation allocation, SemanticModel model, CancellationToken cancellationToken)
        {
            var statement = declaration.Statement;
            if (declaration.NamesLoopLocal(model, cancellationToken))
            {
                var arguments = ((Microsoft.CodeAnalysis.Operations.IInvocationOperation)allocation.Operation).Arguments;
                var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
                foreach (var argument in arguments)
                {
                    long? value = ConstantValues.TryGetInt64(argument.Value);
                    if (value == null || !(argument.Value.Syntax is ExpressionSyntax syntax) || !statement.Contains(syntax)) return null;
                    replacements[syntax] = SyntaxFactory.ParseExpression(LiteralFolding.ToLiteral(value.Value)).WithTriviaFrom(syntax);
                }

                // Every local the initializer names must sit inside a size that is restated.
                bool allRestated = declaration.Declarator.Initializer!.Value.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
                    .Where(n => model.GetSymbolInfo(n, cancellationToken).Symbol is ILocalSymbol)
                    .All(n => replacements.Keys.Any(k => k.Span.Contains(n.Span)));
                if (!allRestated) return null;
                statement = statement.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
            }

            return statement.WithoutTrivia().WithAdditionalAnnotations(Formatter.Annotation);
        }

        /// <summary>return, goto or yield in the body would skip the free after the loop (the original freed first).</summary>
        private static bool LeavesFunction(BlockSyntax body) =>
            body.DescendantNodes(n => !(n is AnonymousFunctionExpressionSyntax) && !(n is LocalFunctionStatementSyntax))
                .Any(n => n is ReturnStatementSyntax || n is GotoStatementSyntax || n is YieldStatementSyntax);

        /// <summary>The statement that frees the block: in the loop body after the declaration, or the sole content of a finally there.</summary>
        private sealed class FreeStatement
        {
            private FreeStatement(ExpressionStatementSyntax statement, TryStatementSyntax? @try)
            {
                Statement = statement;
                Try = @try;
            }

            public ExpressionStatementSyntax Statement { get; }
            public TryStatementSyntax? Try { get; }

            public static FreeStatement? Find(SyntaxNode call, NativeBlockDeclaration declaration)
            {
                if (!(call.Parent is ExpressionStatementSyntax statement) || !(statement.Parent is BlockSyntax block)) return null;
                int declared = declaration.Body.Statements.IndexOf(declaration.Statement);
                if (block == declaration.Body)
                {
                    return declaration.Body.Statements.IndexOf(statement) > declared ? new FreeStatement(statement, null) : null;
                }

                if (block.Statements.Count == 1 && block.Parent is FinallyClauseSyntax clause && clause.Parent is TryStatementSyntax @try &&
                    @try.Parent == declaration.Body && declaration.Body.Statements.IndexOf(@try) > declared)
                {
                    return new FreeStatement(statement, @try);
                }

                return null;
            }
        }
    }
}
