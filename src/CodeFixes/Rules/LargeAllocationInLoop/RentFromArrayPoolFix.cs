using System.Collections.Generic;
using System.Linq;
using System.Threading;
using AllocAnalyzers.CodeFixes.Infrastructure;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace AllocAnalyzers.CodeFixes.Rules.LargeAllocationInLoop
{
    /// <summary>
    /// ALLOC001 fix 2: rent the array from <c>ArrayPool&lt;T&gt;.Shared</c> and return it in a finally
    /// block. A rented array can be longer than asked and holds old data, so the fix is offered only
    /// when the code cannot tell: every use indexes an element, reads <c>.Length</c> (rewritten to the
    /// requested size), or passes the array to a framework method together with an explicit count.
    /// The requested range is cleared after renting, so reads see zeros exactly as before.
    /// </summary>
    internal sealed class RentFromArrayPoolFix : DiagnosticFix
    {
        public const string Key = "ALLOC001.Rent";

        private static readonly string[] CountParameterNames = { "count", "length" };

        public override string EquivalenceKey => Key;

        public override string Title => "Rent from ArrayPool<T>.Shared and return it in finally";

        public override FixPlan? Prepare(FixTarget target, CancellationToken cancellationToken)
        {
            var model = target.SemanticModel;
            var declaration = AllocationDeclaration.Find(target.Node, model, cancellationToken);
            if (declaration == null) return null;
            var types = target.Types;
            if (types.ArrayPool == null) return null;
            var operation = target.Operation;
            var allocation = operation == null ? null : BufferRecognizer.Recognize(operation, types);
            if (allocation == null || allocation.Source == BufferSource.CapacityConstructor || allocation.ElementType == null) return null;
            if (!(allocation.Type is IArrayTypeSymbol arrayType) || arrayType.Rank != 1) return null;
            if (allocation.Source == BufferSource.GcAllocateArray && target.Node is InvocationExpressionSyntax call && call.ArgumentList.Arguments.Count > 1) return null;
            if (!(allocation.CountOperation?.Syntax is ExpressionSyntax sizeSyntax)) return null;

            var rest = declaration.Block.Statements.SkipWhile(s => s != declaration.Statement).Skip(1).ToList();
            if (rest.Any(s => s.DescendantNodesAndSelf().Any(n => n is LabeledStatementSyntax || n is LocalFunctionStatementSyntax || n is GotoStatementSyntax))) return null;

            var lengthReads = new List<MemberAccessExpressionSyntax>();
            foreach (var reference in declaration.References(declaration.Block, model, cancellationToken))
            {
                if (!IsPoolSafeUse(reference, model, cancellationToken, lengthReads)) return null;
            }

            string element = GeneratedCode.TypeName(allocation.ElementType);
            string size = sizeSyntax.WithoutTrivia().ToString();
            string sizeForLength = sizeSyntax is LiteralExpressionSyntax || sizeSyntax is IdentifierNameSyntax ? size : "(" + size + ")";
            bool clearOnReturn = !allocation.ElementType.IsUnmanagedType;
            // Pooled arrays hold old data: clear the requested range, unless nothing can read it before it is overwritten.
            bool clearAfterRent = !OverwriteProof.EveryElementWrittenBeforeRead(operation!, types);
            var marker = new SyntaxAnnotation("ALLOC001.Rent");
            string name = declaration.Name;

            return new FixPlan(editor =>
            {
                editor.ReplaceNode(declaration.Statement, (current, _) => current.WithAdditionalAnnotations(marker));
                foreach (var read in lengthReads)
                {
                    editor.ReplaceNode(read, (current, _) => SyntaxFactory.ParseExpression(sizeForLength).WithTriviaFrom(current));
                }

                editor.ReplaceNode(declaration.Block, (current, _) =>
                {
                    var statement = (LocalDeclarationStatementSyntax)current.GetAnnotatedNodes(marker).First();
                    var block = (BlockSyntax)statement.Parent!;
                    var rewritten = Restructure(block, statement, name, element, size, clearAfterRent, clearOnReturn);
                    return block == current ? rewritten : current.ReplaceNode(block, rewritten);
                });
            });
        }

        private static BlockSyntax Restructure(BlockSyntax block, LocalDeclarationStatementSyntax statement, string name, string element, string size, bool clearAfterRent, bool clearOnReturn)
        {
            int index = block.Statements.IndexOf(statement);
            var declarator = statement.Declaration.Variables[0];
            var rent = statement.ReplaceNode(
                declarator.Initializer!.Value,
                GeneratedCode.Expression($"global::System.Buffers.ArrayPool<{element}>.Shared.Rent({size})").WithTriviaFrom(declarator.Initializer.Value));
            var clear = clearAfterRent ? new[] { GeneratedCode.Statement($"global::System.Array.Clear({name}, 0, {size});") } : new StatementSyntax[0];
            string returnArguments = clearOnReturn ? name + ", clearArray: true" : name;
            var tryStatement = SyntaxFactory.TryStatement(
                    SyntaxFactory.Block(block.Statements.Skip(index + 1)),
                    default,
                    SyntaxFactory.FinallyClause(SyntaxFactory.Block(GeneratedCode.Statement($"global::System.Buffers.ArrayPool<{element}>.Shared.Return({returnArguments});"))))
                .WithAdditionalAnnotations(Formatter.Annotation);
            var statements = block.Statements.Take(index).Append(rent).Concat(clear).Append(tryStatement);
            return block.WithStatements(SyntaxFactory.List(statements));
        }

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
