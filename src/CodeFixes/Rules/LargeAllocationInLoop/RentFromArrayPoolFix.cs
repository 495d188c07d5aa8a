using System.Collections.Generic;
using System.Linq;
using System.Threading;
using AllocAnalyzers.CodeFixes.Infrastructure;
using AllocAnalyzers.CodeFixes.TargetFrameworks;
using AllocAnalyzers.Flow;
using AllocAnalyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace AllocAnalyzers.CodeFixes.Rules.LargeAllocationInLoop
{
    /// <summary>
    /// ALLOC001 fix 2: rent the array from <c>ArrayPool&lt;T&gt;.Shared</c> once before the outermost loop
    /// and return it after the loop, in a finally around it. A rented array can be longer than asked
    /// and holds old data, so the fix is offered only when the code cannot tell: every use indexes an
    /// element, reads <c>.Length</c> (rewritten to the requested size), or names its range explicitly
    /// (a framework method with a count, <c>AsSpan(0, n)</c>, a stream read with a count). Where the
    /// allocation stood, each iteration clears what it could read unwritten (<see cref="IterationReads"/>):
    /// nothing after <c>n = stream.Read(buffer, 0, …)</c> with uses within [0, n), a constant prefix,
    /// or the requested size — never the rounded-up rented length. Where a target framework of the
    /// project has no ArrayPool of its own, the rewrite is guarded by <c>#if</c> with the original as fallback.
    /// </summary>
    internal sealed class RentFromArrayPoolFix : DiagnosticFix
    {
        public const string Key = "ALLOC001.Rent";

        private static readonly string[] CountParameterNames = { "count", "length" };

        public override string EquivalenceKey => Key;

        public override string Title => "Rent from ArrayPool<T>.Shared before the loop and return it after";

        public override FixPlan? Prepare(FixTarget target, CancellationToken cancellationToken)
        {
            if (MeasuredFinding.Is(target.Diagnostic)) return null;
            var model = target.SemanticModel;
            var declaration = AllocationDeclaration.Find(target.Node, model, cancellationToken);
            if (declaration == null) return null;
            var types = target.Types;
            if (types.ArrayPool == null) return null;
            var operation = target.Operation;
            var allocation = operation == null ? null : BufferRecognizer.Recognize(operation, types);
            if (allocation == null || allocation.Source == BufferSource.CapacityConstructor || allocation.ElementType == null) return null;
            // A size proven only by a bound (Math.Max(n, 1 << 20)) may read what the loop changes: evaluated once before it, it could be too small.
            if (allocation.ElementCount == null) return null;
            if (!(allocation.Type is IArrayTypeSymbol arrayType) || arrayType.Rank != 1) return null;
            if (allocation.Source == BufferSource.GcAllocateArray && target.Node is InvocationExpressionSyntax call && call.ArgumentList.Arguments.Count > 1) return null;
            if (!(allocation.CountOperation?.Syntax is ExpressionSyntax sizeSyntax)) return null;

            var loop = LoopSyntax.OutermostLoop(declaration.Statement);
            if (loop == null || !(loop.Parent is BlockSyntax || loop.Parent is SwitchSectionSyntax)) return null;
            if (HoistedLocal.HasNameConflict(declaration.Local, declaration.Declarator, loop, model, cancellationToken)) return null;

            var guard = FrameworkGuard.For(target.Document, loop, FrameworkApi.ArrayPool);
            if (!guard.Offered) return null;

            var readable = IterationReads.Analyze(declaration, model, cancellationToken, out var rangeLimited);
            var lengthReads = new List<MemberAccessExpressionSyntax>();
            foreach (var reference in declaration.References(declaration.Block, model, cancellationToken))
            {
                if (!rangeLimited.Contains(reference) && !IsPoolSafeUse(reference, model, cancellationToken, lengthReads)) return null;
            }

            // The size is evaluated once, before the loop: a size naming a loop local is restated as its value.
            bool namesLoopLocal = NamesLoopLocal(sizeSyntax, loop, model, cancellationToken);
            string size = namesLoopLocal ? LiteralFolding.ToLiteral(allocation.ElementCount.Value) : sizeSyntax.WithoutTrivia().ToString();
            var parsedSize = SyntaxFactory.ParseExpression(size);
            string sizeForLength = parsedSize is LiteralExpressionSyntax || parsedSize is IdentifierNameSyntax ? size : "(" + size + ")";
            string element = GeneratedCode.TypeName(allocation.ElementType);
            string name = declaration.Name;
            string pool = $"global::System.Buffers.ArrayPool<{element}>.Shared";
            string returnArguments = allocation.ElementType.IsUnmanagedType ? name : name + ", clearArray: true";

            // Pooled arrays hold old data: clear what an iteration can read unwritten, within the requested size.
            StatementSyntax? clear = null;
            if (!readable.IsNothing && !OverwriteProof.EveryElementWrittenBeforeRead(operation!, types))
            {
                string length = readable.Length != null && readable.Length < allocation.ElementCount ? LiteralFolding.ToLiteral(readable.Length.Value) : size;
                clear = GeneratedCode.Statement($"global::System.Array.Clear({name}, 0, {length});");
            }

            var rent = GeneratedCode.Statement($"var {name} = {pool}.Rent({size});");
            var giveBack = GeneratedCode.Statement($"{pool}.Return({returnArguments});");
            return GuardedRegion.Wrap(Plan(), guard, new SyntaxNode[] { loop });

            FixPlan Plan() => new FixPlan(editor =>
            {
                foreach (var read in lengthReads)
                {
                    editor.ReplaceNode(read, (current, _) => SyntaxFactory.ParseExpression(sizeForLength).WithTriviaFrom(current));
                }

                if (clear != null) editor.ReplaceNode(declaration.Statement, clear.WithTriviaFrom(declaration.Statement));
                else StatementRemoval.Remove(editor, declaration.Statement);

                editor.InsertBefore(loop, rent.WithLeadingTrivia(loop.GetLeadingTrivia()).WithTrailingTrivia(LineEndings.Of(loop)));
                editor.ReplaceNode(loop, (current, _) => SyntaxFactory.TryStatement(
                        SyntaxFactory.Block((StatementSyntax)current.WithoutLeadingTrivia()),
                        default,
                        SyntaxFactory.FinallyClause(SyntaxFactory.Block(giveBack)))
                    .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
                    .WithAdditionalAnnotations(Formatter.Annotation));
            });
        }

        private static bool NamesLoopLocal(ExpressionSyntax size, StatementSyntax loop, SemanticModel model, CancellationToken cancellationToken) =>
            size.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
                .Select(n => model.GetSymbolInfo(n, cancellationToken).Symbol)
                .OfType<ILocalSymbol>()
                .Any(local => local.DeclaringSyntaxReferences.Any(r => loop.Span.Contains(r.Span)));

        /// <summary>A use that cannot tell a rented array from a fresh one of the requested size.</summary>
        private static bool IsPoolSafeUse(IdentifierNameSyntax reference, SemanticModel model, CancellationToken cancellationToken, List<MemberAccessExpressionSyntax> lengthReads)
        {
            switch (reference.Parent)
            {
                case ElementAccessExpressionSyntax element when element.Expression == reference:
                    return true;
                case MemberAccessExpressionSyntax access when access.Expression == reference &&
                    (access.Name.Identifier.ValueText == "Length" || access.Name.Identifier.ValueText == "LongLength") &&
                    !(access.Parent is AssignmentExpressionSyntax assignment && assignment.Left == access):
                    lengthReads.Add(access);
                    return true;
                case ArgumentSyntax argument when argument.RefKindKeyword.IsKind(SyntaxKind.None) && argument.Parent?.Parent is InvocationExpressionSyntax invocation:
                    return model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method && TakesExplicitRange(method);
                default:
                    return false;
            }
        }

        /// <summary>
        /// Framework methods with a count or length parameter touch only the range they are given
        /// (Stream.Read(byte[], int, int), Array.Copy(..., length), Buffer.BlockCopy, Marshal.Copy).
        /// </summary>
        private static bool TakesExplicitRange(IMethodSymbol method)
        {
            string? ns = method.ContainingNamespace?.ToDisplayString();
            if (ns == null || !(ns == "System" || ns.StartsWith("System.", System.StringComparison.Ordinal))) return false;
            return method.Parameters.Any(p =>
                (p.Type.SpecialType == SpecialType.System_Int32 || p.Type.SpecialType == SpecialType.System_Int64) &&
                CountParameterNames.Any(n => p.Name.Equals(n, System.StringComparison.OrdinalIgnoreCase) || p.Name.EndsWith(char.ToUpperInvariant(n[0]) + n.Substring(1), System.StringComparison.Ordinal)));
        }
    }
}
